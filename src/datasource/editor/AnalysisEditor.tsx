import React from 'react';
import { InlineField, InlineFieldRow, InlineSwitch, Input, RadioButtonGroup, Select, TagsInput } from '@grafana/ui';
import type { AnalysisSpec, VerdictSetting } from '../types';
import {
  ADJUST_OPTIONS,
  CLUSTERING_OPTIONS,
  LAG_MODE_OPTIONS,
  METHOD_OPTIONS,
  OUTPUT_OPTIONS,
  VERDICT_BASELINE_OPTIONS,
} from './options';

interface Props {
  analysis: AnalysisSpec;
  onChange: (analysis: AnalysisSpec) => void;
  onRunQuery: () => void;
}

/** What to compute from the signals. */
export function AnalysisEditor({ analysis, onChange, onRunQuery }: Props) {
  const verdict = analysis.verdict ?? VERDICT_OFF;
  const set = (patch: Partial<AnalysisSpec>) => {
    onChange({ ...analysis, ...patch });
    onRunQuery();
  };
  return (
    <div data-testid="infradrift-analysis-editor">
      <InlineFieldRow>
        <InlineField label="Output">
          <RadioButtonGroup options={OUTPUT_OPTIONS} value={analysis.output} onChange={(output) => set({ output })} />
        </InlineField>
        <InlineField label="Method">
          <Select
            width={14}
            options={METHOD_OPTIONS}
            value={analysis.method}
            onChange={(v) => set({ method: v.value! })}
          />
        </InlineField>
        <InlineField label="Max lag" tooltip="In steps; 0 turns lag analysis off">
          <Input
            type="number"
            width={8}
            min={0}
            value={analysis.maxLag}
            onChange={(e) => onChange({ ...analysis, maxLag: Math.max(0, Number(e.currentTarget.value)) })}
            onBlur={onRunQuery}
          />
        </InlineField>
        <InlineField label="Lags">
          <Select
            width={20}
            options={LAG_MODE_OPTIONS}
            value={analysis.lagMode}
            onChange={(v) => set({ lagMode: v.value! })}
          />
        </InlineField>
        {analysis.lagMode === 'target' && (
          <InlineField label="Target" tooltip="Series name as shown in the results">
            <Input
              width={24}
              value={analysis.target ?? ''}
              onChange={(e) => onChange({ ...analysis, target: e.currentTarget.value })}
              onBlur={onRunQuery}
            />
          </InlineField>
        )}
      </InlineFieldRow>
      <InlineFieldRow>
        <InlineField label="Control for" tooltip="Series names (e.g. request rate) to hold fixed: partial correlation">
          <TagsInput
            tags={analysis.confounders}
            onChange={(confounders) => set({ confounders })}
            placeholder="series name + enter"
            width={30}
          />
        </InlineField>
        <InlineField label="Alpha">
          <Input
            type="number"
            width={8}
            step={0.01}
            min={0.001}
            max={0.5}
            value={analysis.alpha}
            onChange={(e) => onChange({ ...analysis, alpha: Number(e.currentTarget.value) })}
            onBlur={onRunQuery}
          />
        </InlineField>
        <InlineField label="Adjust">
          <Select
            width={26}
            options={ADJUST_OPTIONS}
            value={analysis.adjust}
            onChange={(v) => set({ adjust: v.value! })}
          />
        </InlineField>
        <InlineField
          label="Autocorrelation"
          tooltip="Use an effective sample size for autocorrelated metrics (honest p-values)"
        >
          <InlineSwitch
            value={analysis.autocorrelation}
            onChange={(e) => set({ autocorrelation: e.currentTarget.checked })}
          />
        </InlineField>
        <InlineField label="Cluster">
          <Select
            width={20}
            options={CLUSTERING_OPTIONS}
            value={analysis.clustering}
            onChange={(v) => set({ clustering: v.value! })}
          />
        </InlineField>
        <InlineField label="Aligned series" tooltip="Also return the aligned inputs (for drill-down)">
          <InlineSwitch
            value={analysis.includeAligned}
            onChange={(e) => set({ includeAligned: e.currentTarget.checked })}
          />
        </InlineField>
      </InlineFieldRow>
      {analysis.output === 'matrix' && (
        <InlineFieldRow>
          <InlineField
            label="Verdict"
            tooltip="Judge the time range against a baseline before it: per model signal infrastructure, data drift, confounded, inconclusive or no change (the matrix panel's Verdict line shows it). Fetches the baseline too."
          >
            <InlineSwitch
              value={verdict.enabled}
              onChange={(e) => set({ verdict: { ...verdict, enabled: e.currentTarget.checked } })}
            />
          </InlineField>
          {verdict.enabled && (
            <InlineField label="Baseline">
              <RadioButtonGroup
                options={VERDICT_BASELINE_OPTIONS}
                value={verdict.baseline}
                onChange={(baseline) => set({ verdict: { ...verdict, baseline } })}
              />
            </InlineField>
          )}
        </InlineFieldRow>
      )}
    </div>
  );
}

const VERDICT_OFF: VerdictSetting = { enabled: false, baseline: 'preceding' };
