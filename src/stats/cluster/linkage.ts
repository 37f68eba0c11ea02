import type { Linkage, MergeStep } from '../contract';
import type { Checkpoint } from '../util/cancel';

/**
 * Agglomerative hierarchical clustering of N items from a full N*N distance matrix, with average
 * (UPGMA), complete or single linkage, in O(N^2) time by the nearest-neighbour chain algorithm
 * (Murtagh 1983; Müllner 2011, "Modern hierarchical, agglomerative clustering algorithms",
 * arXiv:1109.2378) with Lance-Williams distance updates. These three linkages are "reducible", so the
 * chain gives exactly the same hierarchy as the naive O(N^3) algorithm.
 *
 * Output follows scipy.cluster.hierarchy.linkage: merges sorted by height; leaves are 0..N-1 and the
 * cluster made by merge i is N + i; each row lists the smaller id first. Non-finite distances are
 * treated as 1 (no correlation information). With tied distances the merge order may differ from
 * SciPy's, the cophenetic distances do not.
 */
export function linkage(dist: ArrayLike<number>, N: number, method: Linkage, checkpoint?: Checkpoint): MergeStep[] {
  if (N < 2) {
    return [];
  }
  const D = new Float64Array(N * N);
  for (let i = 0; i < N * N; i++) {
    D[i] = Number.isFinite(dist[i]) ? dist[i] : 1;
  }
  const size = new Float64Array(N).fill(1);
  const active = new Uint8Array(N).fill(1);
  const raw: Array<{ x: number; y: number; h: number }> = [];
  const chain: number[] = [];
  while (raw.length < N - 1) {
    if (chain.length === 0) {
      chain.push(active.indexOf(1));
    }
    let a: number;
    let c: number;
    let min: number;
    for (;;) {
      a = chain[chain.length - 1];
      const prev = chain.length >= 2 ? chain[chain.length - 2] : -1;
      c = prev;
      min = prev >= 0 ? D[a * N + prev] : Infinity;
      for (let x = 0; x < N; x++) {
        if (active[x] && x !== a && D[a * N + x] < min) {
          min = D[a * N + x];
          c = x;
        }
      }
      if (c === prev) {
        break;
      }
      chain.push(c);
    }
    chain.pop();
    chain.pop();
    // merge a and c into slot c
    raw.push({ x: a, y: c, h: min });
    const na = size[a];
    const nc = size[c];
    for (let x = 0; x < N; x++) {
      if (!active[x] || x === a || x === c) {
        continue;
      }
      const da = D[a * N + x];
      const dc = D[c * N + x];
      const d =
        method === 'single'
          ? Math.min(da, dc)
          : method === 'complete'
            ? Math.max(da, dc)
            : (na * da + nc * dc) / (na + nc);
      D[c * N + x] = D[x * N + c] = d;
    }
    active[a] = 0;
    size[c] = na + nc;
    checkpoint?.tick(1);
  }
  // Stable sort by height, then relabel like scipy (union-find over leaf representatives).
  const order = raw.map((_, i) => i).sort((p, q) => raw[p].h - raw[q].h || p - q);
  const parent = new Int32Array(2 * N - 1).map((_, i) => i);
  const clusterSize = new Float64Array(2 * N - 1).fill(1);
  const find = (v: number): number => {
    let root = v;
    while (parent[root] !== root) {
      root = parent[root];
    }
    while (parent[v] !== root) {
      const next = parent[v];
      parent[v] = root;
      v = next;
    }
    return root;
  };
  return order.map((k, i) => {
    const rx = find(raw[k].x);
    const ry = find(raw[k].y);
    const id = N + i;
    parent[rx] = id;
    parent[ry] = id;
    clusterSize[id] = clusterSize[rx] + clusterSize[ry];
    return { a: Math.min(rx, ry), b: Math.max(rx, ry), height: raw[k].h, size: clusterSize[id] };
  });
}
