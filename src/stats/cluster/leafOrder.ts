import type { MergeStep } from '../contract';

/**
 * Left-to-right leaf order of the dendrogram (scipy.cluster.hierarchy.leaves_list): pre-order walk
 * from the root visiting merge.a before merge.b. Used to order heatmap rows so clusters are adjacent.
 */
export function leafOrder(merges: MergeStep[], N: number): number[] {
  if (N === 0) {
    return [];
  }
  if (merges.length === 0) {
    return Array.from({ length: N }, (_, i) => i);
  }
  const out: number[] = [];
  const stack = [N + merges.length - 1];
  while (stack.length > 0) {
    const node = stack.pop() as number;
    if (node < N) {
      out.push(node);
    } else {
      const m = merges[node - N];
      stack.push(m.b, m.a);
    }
  }
  return out;
}
