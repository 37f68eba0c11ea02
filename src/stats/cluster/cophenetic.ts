import type { MergeStep } from '../contract';

/**
 * Cophenetic distance matrix (N*N, row-major): the height at which two leaves first join, as
 * scipy.cluster.hierarchy.cophenet. Tie-invariant, hence the right thing to compare between
 * implementations when equal distances make the merge order arbitrary.
 */
export function cophenetic(merges: MergeStep[], N: number): Float64Array {
  const out = new Float64Array(N * N);
  const members: number[][] = Array.from({ length: N }, (_, i) => [i]);
  merges.forEach((m) => {
    const A = members[m.a];
    const B = members[m.b];
    for (const i of A) {
      for (const j of B) {
        out[i * N + j] = out[j * N + i] = m.height;
      }
    }
    members.push(A.concat(B));
  });
  return out;
}
