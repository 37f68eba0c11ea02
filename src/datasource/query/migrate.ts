import type { InfraDriftQuery } from '../types';
import { withDefaults } from './defaults';

/** A query as a dashboard, Explore or a provisioning file saved it: any version, any field missing. */
export type SavedQuery = Partial<Omit<InfraDriftQuery, 'schemaVersion'>> & { refId: string; schemaVersion?: unknown };

/**
 * `STEPS[v]` rewrites a version-v query as a version v+1 query. Queries saved before versioning carry
 * no `schemaVersion` and count as version 0.
 *
 * To change what a saved field means, append a step: every dashboard saved earlier keeps its meaning.
 */
const STEPS: Array<(query: SavedQuery) => SavedQuery> = [
  // 0 -> 1: versioning starts; the fields and their meaning are those of the unversioned queries.
  (query) => query,
];

/** Schema version of the queries this plugin writes. */
export const QUERY_SCHEMA_VERSION = STEPS.length;

/** The version a query was saved with: 0 when it has none, NaN when the field is not a version number. */
export function savedQueryVersion(query: { schemaVersion?: unknown }): number {
  const v = query.schemaVersion;
  if (v === undefined || v === null) {
    return 0;
  }
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : NaN;
}

/**
 * Why this plugin version cannot run a query (saved by a newer InfraDrift, or a `schemaVersion` that
 * is no version number), or undefined when it can.
 */
export function queryVersionProblem(query: { schemaVersion?: unknown }): string | undefined {
  const v = savedQueryVersion(query);
  if (Number.isNaN(v)) {
    return `the query's schemaVersion ${JSON.stringify(query.schemaVersion)} is not a version number (0 to ${QUERY_SCHEMA_VERSION})`;
  }
  if (v > QUERY_SCHEMA_VERSION) {
    return `the query was saved by a newer InfraDrift (query schema ${v}; this version reads up to ${QUERY_SCHEMA_VERSION}): update the plugin`;
  }
  return undefined;
}

/**
 * Brings a saved query to the current schema and fills what it lacks with today's defaults. Pure: the
 * saved object is not changed. A query this version cannot read (see `queryVersionProblem`) keeps its
 * `schemaVersion`, so it is never rewritten as if it were an older one.
 *
 * @example
 * migrateQuery({ refId: 'A' }) // today's default signals and analysis, schemaVersion QUERY_SCHEMA_VERSION
 */
export function migrateQuery(saved: SavedQuery): InfraDriftQuery {
  if (queryVersionProblem(saved)) {
    // Kept as saved for the data source to report; the type says number, the value may not be one.
    return withVersion(saved, saved.schemaVersion as number);
  }
  let query = saved;
  for (let v = savedQueryVersion(saved); v < QUERY_SCHEMA_VERSION; v++) {
    query = STEPS[v](query);
  }
  return withVersion(query, QUERY_SCHEMA_VERSION);
}

function withVersion(query: SavedQuery, schemaVersion: number): InfraDriftQuery {
  const { schemaVersion: _saved, ...fields } = query;
  return { ...withDefaults(fields), schemaVersion };
}
