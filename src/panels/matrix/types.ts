/** Options of the correlation matrix panel (grows with the matrix panel issue). */
export interface MatrixOptions {
  /** Which part of the symmetric matrix to draw. */
  triangle: 'full' | 'lower' | 'upper';
  /** Print r in cells large enough to hold it. */
  showValues: boolean;
}

export const defaultMatrixOptions: MatrixOptions = {
  triangle: 'full',
  showValues: true,
};
