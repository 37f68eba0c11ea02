/** Options of the lag correlation panel. */
export interface LagOptions {
  /** Several pairs as one chart each, or overlaid on one chart. */
  layout: 'multiples' | 'overlay';
  /** Time series mode: the series every other one is lagged against (empty: the first series). */
  target: string;
  /** Time series mode: largest lag in query steps. */
  maxLag: number;
  /** Most pairs drawn (strongest best |r| first), so a query with hundreds of series stays readable. */
  maxPairs: number;
}

export const defaultLagOptions: LagOptions = {
  layout: 'multiples',
  target: '',
  maxLag: 20,
  maxPairs: 12,
};
