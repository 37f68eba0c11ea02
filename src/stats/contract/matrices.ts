/**
 * Where a result keeps its N x N matrices (FlatMatrix: Float64Array, NaN for missing), in one list that
 * the worker (transfer without copies) and the JSON edge (arrays with null) both read, so a new matrix
 * field is added here once. The type below fails to compile when a section gains a FlatMatrix field that
 * the list leaves out.
 */
import type { AnalyzeResult, FlatMatrix } from './result';

type Section = Exclude<keyof AnalyzeResult, 'version' | 'engine' | 'cancelled' | 'timingsMs'>;
type MatrixKeys<T> = T extends readonly unknown[]
  ? never
  : { [K in keyof T]-?: NonNullable<T[K]> extends FlatMatrix ? K : never }[keyof T];
type MatrixSections = { [S in Section]: MatrixKeys<NonNullable<AnalyzeResult[S]>> extends never ? never : S }[Section];

export const MATRIX_FIELDS = {
  correlation: ['r', 'p', 'pNaive', 'q', 'n', 'nEff', 'ciLow', 'ciHigh'],
  partial: ['r', 'p', 'pNaive', 'q', 'nEff', 'n'],
  lags: ['bestLagMatrix', 'bestRMatrix'],
  compare: ['rBaseline', 'rIncident', 'deltaR', 'pDelta', 'qDelta'],
} as const satisfies { [S in MatrixSections]: ReadonlyArray<MatrixKeys<NonNullable<AnalyzeResult[S]>>> };

// Completeness: every FlatMatrix field of every section is listed (a compile error names the one left out).
type Listed<S extends MatrixSections> = (typeof MATRIX_FIELDS)[S][number];
type Unlisted = {
  [S in MatrixSections]: Exclude<MatrixKeys<NonNullable<AnalyzeResult[S]>>, Listed<S>>;
}[MatrixSections];
const everyMatrixListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyMatrixListed;

export interface MatrixEntry {
  /** The section object holding the matrix (e.g. result.correlation), for replacing the field in place. */
  section: Record<string, unknown>;
  sectionKey: MatrixSections;
  field: string;
  values: FlatMatrix;
}

/** The matrices present in a result (or in an object of the same shape, e.g. the CLI's result with leads). */
export function matrixEntries(result: Pick<AnalyzeResult, MatrixSections>): MatrixEntry[] {
  const out: MatrixEntry[] = [];
  for (const sectionKey of Object.keys(MATRIX_FIELDS) as MatrixSections[]) {
    const section = result[sectionKey] as Record<string, unknown> | undefined;
    for (const field of section ? MATRIX_FIELDS[sectionKey] : []) {
      const values = section![field];
      if (values instanceof Float64Array) {
        out.push({ section: section!, sectionKey, field, values });
      }
    }
  }
  return out;
}
