/**
 * Where a result keeps its N x N matrices, in two lists that the worker (transfer without copies) and the
 * JSON edge (plain arrays) both read, so a new matrix field is added here once: MATRIX_FIELDS for the
 * numbers (FlatMatrix: Float64Array, NaN for missing), REASON_FIELDS for why cells have none (ReasonMatrix:
 * Uint8Array of codes). WHY two lists: each kind has its own JSON (arrays with null; arrays of strings and
 * null) and callers that read numbers get Float64Arrays only. The types below fail to compile when a
 * section gains a FlatMatrix or ReasonMatrix field that its list leaves out.
 */
import type { AnalyzeResult, FlatMatrix, ReasonMatrix } from './result';

type Section = Exclude<keyof AnalyzeResult, 'version' | 'engine' | 'cancelled' | 'timingsMs'>;
type FieldsOf<T, M> = T extends readonly unknown[]
  ? never
  : { [K in keyof T]-?: NonNullable<T[K]> extends M ? K : never }[keyof T];
type SectionFields<S extends Section, M> = FieldsOf<NonNullable<AnalyzeResult[S]>, M>;
type SectionsWith<M> = { [S in Section]: SectionFields<S, M> extends never ? never : S }[Section];
type MatrixSections = SectionsWith<FlatMatrix>;
type ReasonSections = SectionsWith<ReasonMatrix>;
type FieldLists<M> = { [S in SectionsWith<M>]: ReadonlyArray<SectionFields<S, M>> };

export const MATRIX_FIELDS = {
  correlation: ['r', 'p', 'pNaive', 'q', 'n', 'nEff', 'ciLow', 'ciHigh'],
  partial: ['r', 'p', 'pNaive', 'q', 'nEff', 'n'],
  lags: ['bestLagMatrix', 'bestRMatrix'],
  compare: ['rBaseline', 'rIncident', 'deltaR', 'pDelta', 'qDelta'],
} as const satisfies FieldLists<FlatMatrix>;

export const REASON_FIELDS = {
  correlation: ['reason'],
  partial: ['reason'],
} as const satisfies FieldLists<ReasonMatrix>;

// Completeness: every FlatMatrix and ReasonMatrix field of every section is listed (a compile error names
// the one left out).
type Unlisted<M, L extends FieldLists<M>> = {
  [S in SectionsWith<M>]: Exclude<SectionFields<S, M>, L[S][number]>;
}[SectionsWith<M>];
const everyMatrixListed: [Unlisted<FlatMatrix, typeof MATRIX_FIELDS>] extends [never]
  ? true
  : Unlisted<FlatMatrix, typeof MATRIX_FIELDS> = true;
const everyReasonListed: [Unlisted<ReasonMatrix, typeof REASON_FIELDS>] extends [never]
  ? true
  : Unlisted<ReasonMatrix, typeof REASON_FIELDS> = true;
void everyMatrixListed;
void everyReasonListed;

/** A result, or an object of the same shape (e.g. the CLI's result with leads), as far as its matrices go. */
export type WithMatrices = Pick<AnalyzeResult, MatrixSections | ReasonSections>;

interface Entry<V, S> {
  /** The section object holding the matrix (e.g. result.correlation), for replacing the field in place. */
  section: Record<string, unknown>;
  sectionKey: S;
  field: string;
  values: V;
}

export type MatrixEntry = Entry<FlatMatrix, MatrixSections>;
export type ReasonEntry = Entry<ReasonMatrix, ReasonSections>;

/** The number matrices present in a result (MATRIX_FIELDS). */
export function matrixEntries(result: WithMatrices): MatrixEntry[] {
  return entries(result, MATRIX_FIELDS, (v): v is FlatMatrix => typedArrayTag(v) === '[object Float64Array]');
}

/** The reason matrices present in a result (REASON_FIELDS). */
export function reasonEntries(result: WithMatrices): ReasonEntry[] {
  return entries(result, REASON_FIELDS, (v): v is ReasonMatrix => typedArrayTag(v) === '[object Uint8Array]');
}

/**
 * The kind of a typed array by its tag, not instanceof: a result that crossed a realm (structured clone
 * in a test's VM, an iframe) holds typed arrays of that realm, and a matrix skipped here would be printed
 * as an object of numbered keys.
 */
function typedArrayTag(value: unknown): string | null {
  return ArrayBuffer.isView(value) ? Object.prototype.toString.call(value) : null;
}

function entries<V, S extends Section>(
  result: WithMatrices,
  fields: { readonly [K in S]: readonly string[] },
  is: (value: unknown) => value is V
): Array<Entry<V, S>> {
  const out: Array<Entry<V, S>> = [];
  for (const sectionKey of Object.keys(fields) as S[]) {
    const section = (result as Record<string, unknown>)[sectionKey] as Record<string, unknown> | undefined;
    for (const field of section ? fields[sectionKey] : []) {
      const values = section![field];
      if (is(values)) {
        out.push({ section: section!, sectionKey, field, values });
      }
    }
  }
  return out;
}
