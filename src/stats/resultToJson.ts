/**
 * The JSON edge of a result: the N x N matrices (Float64Array, NaN for missing) become arrays with null
 * for missing, by the one rule of util/missing.ts; everything else is already plain JSON. What a JSON
 * consumer (the CLI's output) reads is therefore what the contract always printed.
 */
import { matrixEntries } from './contract/matrices';
import type { AnalyzeResult } from './contract';
import { toJsonArray } from './util/missing';

/** A value as JSON reads it: Float64Arrays become arrays of numbers and nulls. */
export type Json<T> = T extends Float64Array
  ? Array<number | null>
  : T extends ReadonlyArray<infer U>
    ? Array<Json<U>>
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;

export type AnalyzeResultJson = Json<AnalyzeResult>;

/**
 * A copy of the result (or of an object of its shape) with every matrix as an array with null for
 * missing. The result itself is left as it is; sections without matrices are shared, not copied, and
 * every key keeps its place (JSON.stringify prints the fields in the same order).
 */
export function resultToJson<T extends Parameters<typeof matrixEntries>[0]>(result: T): Json<T> {
  const out: Record<string, unknown> = { ...result };
  const copies = new Map<string, Record<string, unknown>>();
  for (const { sectionKey, field, values } of matrixEntries(result)) {
    let copy = copies.get(sectionKey);
    if (!copy) {
      copy = { ...(out[sectionKey] as Record<string, unknown>) };
      copies.set(sectionKey, copy);
      out[sectionKey] = copy;
    }
    copy[field] = toJsonArray(values);
  }
  return out as Json<T>;
}
