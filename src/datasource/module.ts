import './publicPath';
import { DataSourcePlugin } from '@grafana/data';
import { ConfigEditor } from './ConfigEditor';
import { InfraDriftDataSource } from './datasource';
import { QueryEditor } from './QueryEditor';
import { InfraDriftOptions, InfraDriftQuery } from './types';

export const plugin = new DataSourcePlugin<InfraDriftDataSource, InfraDriftQuery, InfraDriftOptions>(
  InfraDriftDataSource
)
  .setConfigEditor(ConfigEditor)
  .setQueryEditor(QueryEditor);
