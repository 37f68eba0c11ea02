/** Options of the correlation matrix panel. */
import type { CorrelationMethod } from '../../stats';

export type Triangle = 'full' | 'lower' | 'upper';
export type SignificanceDisplay = 'fade' | 'hatch' | 'none';
export type MatrixLayout = 'all' | 'model-infra';

export interface MatrixOptions {
  /** Which part of the symmetric matrix to draw (all x all layout only). */
  triangle: Triangle;
  /** Print r in cells large enough to hold it. */
  showValues: boolean;
  /** Rows and columns in hierarchical-cluster order instead of query order. */
  clusterOrder: boolean;
  /** Draw the dendrogram next to the matrix (cluster order, all x all only). */
  showDendrogram: boolean;
  /** How cells with q above alpha are shown. */
  significance: SignificanceDisplay;
  /** All signals against all, or model signals as rows against infra signals as columns. */
  layout: MatrixLayout;
  /** Swap the colour ends (positive blue, negative red). */
  reverseColors: boolean;
  /** Time series mode: correlation method. */
  method: CorrelationMethod;
  /** Time series mode: largest lag searched, in steps (0 = no lag search). */
  maxLag: number;
  /** Time series mode: names matching this regular expression are model signals (rows in the model x infra layout). */
  modelPattern: string;
  /**
   * Show the verdict per model signal above the matrix, when the query returns one (the InfraDrift
   * query's verdict setting). Absent in panels saved before it: off.
   */
  verdictLine: boolean;
}

export const defaultMatrixOptions: MatrixOptions = {
  triangle: 'full',
  showValues: true,
  clusterOrder: true,
  showDendrogram: true,
  significance: 'fade',
  layout: 'all',
  reverseColors: false,
  method: 'pearson',
  maxLag: 10,
  modelPattern: 'drift|psi|accuracy|conversion|score|model|prediction',
  verdictLine: false,
};
