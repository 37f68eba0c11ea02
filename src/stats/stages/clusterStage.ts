import type { ClusteringResult } from '../contract';
import { DEFAULTS } from '../defaults';
import { leafOrder } from '../cluster/leafOrder';
import { linkage } from '../cluster/linkage';
import { Checkpoint } from '../util/cancel';
import type { StageContext } from './context';

/** Hierarchical clustering of the series on d = 1 - |r| (or 1 - r) for heatmap order and dendrogram. */
export function clusterStage(ctx: StageContext, r: Float64Array): ClusteringResult | undefined {
  const o = ctx.request.clustering;
  if (!o || o.enabled === false) {
    return undefined;
  }
  const method = o.linkage ?? DEFAULTS.linkage;
  const distance = o.distance ?? DEFAULTS.distance;
  const N = ctx.ids.length;
  const d = new Float64Array(N * N);
  let missing = 0;
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) {
      const v = r[i * N + j];
      if (i === j) {
        d[i * N + j] = 0;
      } else if (!Number.isFinite(v)) {
        d[i * N + j] = 1;
        missing++;
      } else {
        d[i * N + j] = distance === 'signed' ? 1 - v : 1 - Math.abs(v);
      }
    }
  }
  if (missing > 0) {
    ctx.warnings.push({
      code: 'TOO_FEW_POINTS',
      message: `${missing / 2} pairs have no correlation; clustering uses distance 1 for them`,
    });
  }
  const merges = linkage(d, N, method, new Checkpoint(ctx.hooks, 'clustering', N));
  return { linkage: method, distance, ids: ctx.ids, order: leafOrder(merges, N), merges };
}
