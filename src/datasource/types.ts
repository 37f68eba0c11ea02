import { DataSourceJsonData } from '@grafana/data';
import { DataQuery, DataSourceRef } from '@grafana/schema';

/** A query: the signals to fetch and the analysis to run on them (grows with the data source issue). */
export interface InfraDriftQuery extends DataQuery {
  signals?: SignalQuery[];
}

/** One input of the analysis: an expression run on another data source. */
export interface SignalQuery {
  /** Reference to the source data source by uid, never by name. */
  datasource?: DataSourceRef;
  expr: string;
}

/** Settings of an InfraDrift data source instance. */
export interface InfraDriftOptions extends DataSourceJsonData {
  /** The data source queried when a signal names none (usually the user's Prometheus). */
  defaultSource?: DataSourceRef;
}
