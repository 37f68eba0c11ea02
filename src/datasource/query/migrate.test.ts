import { provisionedQueries } from '../../testing/provisionedDashboard';
import { DEFAULT_ANALYSIS, DEFAULT_SIGNALS, withDefaults } from './defaults';
import { interpolateQuery } from './interpolate';
import { migrateQuery, QUERY_SCHEMA_VERSION, queryVersionProblem, SavedQuery } from './migrate';

const saved = provisionedQueries('infradrift-correlation-datasource') as SavedQuery[];
const keepText = { replace: (text: string) => text } as never;

describe('migrateQuery on the provisioned dashboard’s queries (saved before versioning)', () => {
  it('finds every InfraDrift query of the dashboard', () => {
    // Drift time series, matrix and lag panels.
    expect(saved.map((q) => q.analysis?.output)).toEqual(['drift', 'matrix', 'lags']);
    saved.forEach((q) => expect(q.schemaVersion).toBeUndefined());
  });

  it.each(saved.map((q) => [q.analysis?.output, q] as const))('keeps the meaning of the %s query', (_output, q) => {
    const before = JSON.stringify(q);
    const migrated = migrateQuery(q);
    expect(JSON.stringify(q)).toBe(before); // pure
    expect(migrated.schemaVersion).toBe(QUERY_SCHEMA_VERSION);
    // Every saved field is kept as saved: signals verbatim, analysis fields over today's defaults.
    const { analysis, ...rest } = q;
    expect(migrated).toMatchObject(rest);
    expect(migrated.signals).toStrictEqual(q.signals);
    expect(migrated.analysis).toStrictEqual({ ...DEFAULT_ANALYSIS, ...analysis });
    expect(queryVersionProblem(migrated)).toBeUndefined();
  });

  it('is idempotent, and the query the data source runs is the unversioned one plus the version stamp', () => {
    for (const q of saved) {
      const once = migrateQuery(q);
      expect(migrateQuery(once)).toStrictEqual(once);
      // withDefaults is how the data source read saved queries before versioning.
      const { schemaVersion, ...run } = interpolateQuery(once, keepText);
      expect(schemaVersion).toBe(QUERY_SCHEMA_VERSION);
      expect(run).toStrictEqual(interpolateQuery(withDefaults(q as Parameters<typeof withDefaults>[0]), keepText));
    }
  });
});

describe('migrateQuery on sparse and unreadable queries', () => {
  it('gives a query saved with only a refId today’s default signals and analysis', () => {
    expect(migrateQuery({ refId: 'B' })).toStrictEqual({
      refId: 'B',
      schemaVersion: QUERY_SCHEMA_VERSION,
      signals: DEFAULT_SIGNALS,
      analysis: DEFAULT_ANALYSIS,
    });
  });

  it('keeps an explicit empty signal list (the data source then says the query has no signals)', () => {
    expect(migrateQuery({ refId: 'A', signals: [] }).signals).toEqual([]);
  });

  it('reads the verdict setting as additive: absent is off, a saved one is kept, the schema version stays', () => {
    // A query saved before the verdict existed has none and runs as before (runPipeline reads absent as off).
    expect(migrateQuery({ refId: 'A' }).analysis.verdict).toBeUndefined();
    const verdict = { enabled: true, baseline: '7d' as const };
    const saved = { refId: 'A', schemaVersion: QUERY_SCHEMA_VERSION, analysis: { ...DEFAULT_ANALYSIS, verdict } };
    expect(migrateQuery(saved)).toStrictEqual({ ...saved, signals: DEFAULT_SIGNALS });
  });

  it('reads a null version as unversioned', () => {
    expect(migrateQuery({ refId: 'A', schemaVersion: null }).schemaVersion).toBe(QUERY_SCHEMA_VERSION);
  });

  it('does not rewrite a query saved by a newer plugin, and says why it cannot run', () => {
    const newer = { refId: 'A', schemaVersion: QUERY_SCHEMA_VERSION + 1 };
    expect(migrateQuery(newer).schemaVersion).toBe(QUERY_SCHEMA_VERSION + 1);
    expect(queryVersionProblem(newer)).toMatch(/saved by a newer InfraDrift .*update the plugin/);
  });

  it.each([['2'], [-1], [1.5], [{}]])('says a schemaVersion of %j is not a version number', (v) => {
    expect(queryVersionProblem({ schemaVersion: v })).toMatch(/is not a version number/);
    expect(migrateQuery({ refId: 'A', schemaVersion: v }).schemaVersion).toBe(v);
  });
});
