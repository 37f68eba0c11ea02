import type { Checkpoint } from '../util/cancel';
import { averageRanks } from '../rank/averageRanks';
import { RankScratch } from '../rank/sortFinite';
import { runGramSteps, type GramSteps } from './gramSteps';
import { MatrixCorrelation, pearsonMatrixSteps } from './pearsonMatrix';
import { spearmanPair } from './spearmanPair';

/**
 * Spearman correlation matrix (Spearman 1904): Pearson's r on average ranks. Complete series are
 * ranked once and go through the fast Gram kernel; pairs with missing values are re-ranked on their
 * common rows (pandas semantics). One scratch serves every series' ranking.
 */
export function spearmanMatrix(series: Float64Array[], minOverlap: number, checkpoint?: Checkpoint): MatrixCorrelation {
  return runGramSteps(spearmanMatrixSteps(series, minOverlap, checkpoint));
}

/** spearmanMatrix as steps that yield its Gram product to a driver (gramSteps.ts). */
export function* spearmanMatrixSteps(
  series: Float64Array[],
  minOverlap: number,
  checkpoint?: Checkpoint
): GramSteps<MatrixCorrelation> {
  const scratch = new RankScratch();
  const ranked = series.map((x) => {
    for (let t = 0; t < x.length; t++) {
      if (!Number.isFinite(x[t])) {
        return x;
      }
    }
    return averageRanks(x, scratch);
  });
  return yield* pearsonMatrixSteps(ranked, minOverlap, checkpoint, spearmanPair);
}
