/** Options of the lag correlation panel (grows with the lag panel issue). */
export interface LagOptions {
  /** Several pairs as one chart each, or overlaid on one chart. */
  layout: 'multiples' | 'overlay';
}

export const defaultLagOptions: LagOptions = {
  layout: 'multiples',
};
