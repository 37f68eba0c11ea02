/** Reading any expression some time earlier, exactly. */
import { durationLiteral } from './literals';

/**
 * The leading side read `lag` earlier. `offset` only applies to selectors and subqueries, so an
 * arbitrary expression is lagged through a one-millisecond subquery: `(X)[1ms:1ms] offset L` holds X
 * evaluated at t − L (and t − L − 1 ms; range ends are closed on 2.x), and last_over_time takes the
 * value at t − L, exactly what `offset L` on every selector inside X would give.
 */
export function lagged(expr: string, lagSeconds: number): string {
  return lagSeconds > 0 ? `last_over_time((${expr})[1ms:1ms] offset ${durationLiteral(lagSeconds, 'lag')})` : expr;
}
