/**
 * The JSON edge of a result: the N x N matrices (Float64Array, NaN for missing) become arrays with null
 * for missing, by the one rule of util/missing.ts, and their reasons (Uint8Array of codes) arrays of
 * ReasonCode strings and null; everything else is already plain JSON. What a JSON consumer (the CLI's
 * output) reads is therefore what the contract always printed.
 */
import { reasonList, type ReasonCode, type ReasonMatrix } from './contract/cells';
import { matrixEntries, reasonEntries, type WithMatrices } from './contract/matrices';
import type { AnalyzeResult } from './contract';
import { toJsonArray } from './util/missing';

/** A value as JSON reads it: Float64Arrays become arrays of numbers and nulls, reason matrices of strings and nulls. */
export type Json<T> = T extends Float64Array
  ? Array<number | null>
  : T extends ReasonMatrix
    ? Array<ReasonCode | null>
    : T extends ReadonlyArray<infer U>
      ? Array<Json<U>>
      : T extends object
        ? { [K in keyof T]: Json<T[K]> }
        : T;

export type AnalyzeResultJson = Json<AnalyzeResult>;

/**
 * A copy of the result (or of an object of its shape) with every matrix as an array with null for
 * missing and every reason matrix as an array of strings and null. The result itself is left as it is;
 * sections without matrices are shared, not copied, and every key keeps its place (JSON.stringify prints
 * the fields in the same order).
 */
export function resultToJson<T extends WithMatrices>(result: T): Json<T> {
  const out: Record<string, unknown> = { ...result };
  const copies = new Map<string, Record<string, unknown>>();
  const put = (sectionKey: string, field: string, json: unknown[]) => {
    let copy = copies.get(sectionKey);
    if (!copy) {
      copy = { ...(out[sectionKey] as Record<string, unknown>) };
      copies.set(sectionKey, copy);
      out[sectionKey] = copy;
    }
    copy[field] = json;
  };
  for (const { sectionKey, field, values } of matrixEntries(result)) {
    put(sectionKey, field, toJsonArray(values));
  }
  for (const { sectionKey, field, values } of reasonEntries(result)) {
    put(sectionKey, field, reasonList(values, null));
  }
  return out as Json<T>;
}
