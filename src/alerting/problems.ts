/** How the alerting module says no: one problem per thing to fix, never a half-built rule. */

export type AlertProblemCode =
  /** The request is wrong (bad name, bad number, unbalanced expression, ...). */
  | 'invalid'
  /** The request is fine but PromQL cannot compute it (Spearman, Kendall, a static drift baseline). */
  | 'not_expressible';

export interface AlertProblem {
  code: AlertProblemCode;
  /** Which rule of the request (its name, or its index when it has none). */
  rule: string;
  message: string;
  /** What to do instead, when there is a close alternative (e.g. Pearson on the same pair). */
  suggestion?: string;
}

/** Thrown inside the builders; `buildAlertRules` turns it into an `AlertProblem`. */
export class AlertInputError extends Error {
  constructor(
    message: string,
    readonly code: AlertProblemCode = 'invalid',
    readonly suggestion?: string
  ) {
    super(message);
    this.name = 'AlertInputError';
  }
}

/** Runs `build`, prefixing any input error with `context` so the message names the field. */
export function within<T>(context: string, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof AlertInputError) {
      throw new AlertInputError(`${context}: ${error.message}`, error.code, error.suggestion);
    }
    throw error;
  }
}
