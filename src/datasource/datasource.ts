import {
  DataQueryRequest,
  DataQueryResponse,
  DataSourceApi,
  DataSourceInstanceSettings,
  TestDataSourceResponse,
} from '@grafana/data';
import { InfraDriftOptions, InfraDriftQuery } from './types';

/**
 * Backend-less data source: it runs its signals through the user's own data sources and computes
 * the analysis in the browser. Skeleton until the data source issue: it says clearly that it cannot
 * run a query yet instead of returning empty frames.
 */
export class InfraDriftDataSource extends DataSourceApi<InfraDriftQuery, InfraDriftOptions> {
  constructor(instanceSettings: DataSourceInstanceSettings<InfraDriftOptions>) {
    super(instanceSettings);
  }

  async query(_request: DataQueryRequest<InfraDriftQuery>): Promise<DataQueryResponse> {
    return {
      data: [],
      error: { message: 'InfraDrift is not configured yet: queries are not supported in this version.' },
    };
  }

  async testDatasource(): Promise<TestDataSourceResponse> {
    return { status: 'error', message: 'InfraDrift is not configured yet: no source data source is set.' };
  }
}
