import React from 'react';
import { QueryEditorProps } from '@grafana/data';
import { InfraDriftDataSource } from './datasource';
import { InfraDriftOptions, InfraDriftQuery } from './types';

type Props = QueryEditorProps<InfraDriftDataSource, InfraDriftQuery, InfraDriftOptions>;

/** Query editor (skeleton until the data source issue). */
export function QueryEditor(_props: Props) {
  return <div data-testid="infradrift-query-editor">Signals and analysis are edited here.</div>;
}
