/**
 * How a drift score series is named when analyze() appends it to the correlation input
 * (`drift.correlate`): one home for the id and the label, which the data source and the frames
 * must reproduce exactly to match the engine's output.
 */
import type { DriftMethod } from './thresholds';

const PREFIX = 'drift:';

/** Id of the drift score series of drift series `id` under `method`: `drift:<id>:<method>`. */
export function driftSeriesId(id: string, method: DriftMethod): string {
  return `${PREFIX}${id}:${method}`;
}

/**
 * Label of that series: `<name> drift (<method>)`; a name that ends in "drift" already (a legend such
 * as `{{feature}} drift`) gets the method only: `<name> (<method>)`.
 */
export function driftSeriesName(name: string, method: DriftMethod): string {
  return /\bdrift$/i.test(name.trimEnd()) ? `${name} (${method})` : `${name} drift (${method})`;
}

/** True for an id built by driftSeriesId (a model signal, not an infrastructure one). */
export function isDriftSeriesId(id: string): boolean {
  return id.startsWith(PREFIX);
}
