import React from 'react';
import { QueryEditorProps } from '@grafana/data';
import { Button, Stack } from '@grafana/ui';
import { InfraDriftDataSource } from './datasource';
import { AnalysisEditor } from './editor/AnalysisEditor';
import { SignalRow } from './editor/SignalRow';
import { newSignal } from './query/defaults';
import { migrateQuery } from './query/migrate';
import { InfraDriftOptions, InfraDriftQuery } from './types';

type Props = QueryEditorProps<InfraDriftDataSource, InfraDriftQuery, InfraDriftOptions>;

/** Signals (what to fetch) on top, the analysis (what to compute) below. */
export function QueryEditor({ datasource, query: raw, onChange, onRunQuery }: Props) {
  const query = migrateQuery(raw);
  const signals = query.signals;
  const setSignals = (next: typeof signals) => onChange({ ...query, signals: next });
  return (
    <Stack direction="column" gap={1}>
      {signals.map((signal, i) => (
        <SignalRow
          key={signal.key}
          signal={signal}
          defaultSource={datasource.settings.defaultSource}
          onRunQuery={onRunQuery}
          onChange={(s) => setSignals(signals.map((old, j) => (j === i ? s : old)))}
          onRemove={() => {
            setSignals(signals.filter((_, j) => j !== i));
            onRunQuery();
          }}
        />
      ))}
      <div>
        <Button icon="plus" variant="secondary" size="sm" onClick={() => setSignals([...signals, newSignal(signals)])}>
          Signal
        </Button>
      </div>
      <AnalysisEditor
        analysis={query.analysis}
        onChange={(analysis) => onChange({ ...query, analysis })}
        onRunQuery={onRunQuery}
      />
    </Stack>
  );
}
