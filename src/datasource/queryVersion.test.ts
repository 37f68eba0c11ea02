import { DataQueryRequest, DataSourceInstanceSettings, dateTime } from '@grafana/data';
import { lastValueFrom } from 'rxjs';
import { InfraDriftDataSource } from './datasource';
import { QUERY_SCHEMA_VERSION } from './query/migrate';
import { InfraDriftOptions, InfraDriftQuery } from './types';

// Refused before anything is fetched or computed; jsdom has no Worker.
jest.mock('../worker', () => ({ AnalysisCancelled: class extends Error {}, getAnalysisClient: () => undefined }));

const ds = new InfraDriftDataSource({
  uid: 'infradrift',
  jsonData: {},
} as DataSourceInstanceSettings<InfraDriftOptions>);

it('new queries carry the current schema version', () => {
  expect(ds.getDefaultQuery().schemaVersion).toBe(QUERY_SCHEMA_VERSION);
});

it('refuses, with a message, a query saved by a newer InfraDrift instead of reading it as an old one', async () => {
  const now = dateTime();
  const request = {
    requestId: 'r',
    targets: [{ refId: 'A', schemaVersion: QUERY_SCHEMA_VERSION + 1 } as InfraDriftQuery],
    range: { from: now, to: now, raw: { from: now, to: now } },
    intervalMs: 60_000,
    scopedVars: {},
  } as unknown as DataQueryRequest<InfraDriftQuery>;
  const response = await lastValueFrom(ds.query(request));
  expect(response.errors?.[0].message).toMatch(
    /^InfraDrift: the query was saved by a newer InfraDrift .*update the plugin$/
  );
});
