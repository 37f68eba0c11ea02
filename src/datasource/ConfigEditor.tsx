import React from 'react';
import { DataSourcePluginOptionsEditorProps } from '@grafana/data';
import { InfraDriftOptions } from './types';

type Props = DataSourcePluginOptionsEditorProps<InfraDriftOptions>;

/** Settings of the data source (skeleton until the data source issue). */
export function ConfigEditor(_props: Props) {
  return <div data-testid="infradrift-config-editor">InfraDrift needs no settings yet.</div>;
}
