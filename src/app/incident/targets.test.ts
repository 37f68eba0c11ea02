import type { AnalyzeRequest } from '../../stats';
import type { SignalInfo } from '../../shared/frameContract';
import { resolveRoles, seriesOfRequest } from './targets';

const request: AnalyzeRequest = {
  version: 1,
  series: [
    { id: 'cpu', name: 'cpu', values: [] },
    { id: 'rps', name: 'request rate', values: [] },
    { id: 'acc', name: 'accuracy', values: [] },
  ],
  drift: {
    series: [
      {
        id: 'feat{f="a"}',
        name: 'feature a',
        methods: ['psi'],
        input: { kind: 'samples', timestamps: [], values: [] },
      },
    ],
  },
};
const signals: SignalInfo[] = [
  { name: 'cpu', role: 'infra', signal: 'A', labels: {} },
  { name: 'acc', role: 'model', signal: 'B', labels: {} },
];

describe('targets and controls', () => {
  const series = seriesOfRequest(request);

  it('names drift series as the engine labels them', () => {
    expect(series.map((s) => s.name)).toEqual(['cpu', 'request rate', 'accuracy', 'feature a drift (psi)']);
  });

  it('defaults to the model signals and the query confounders', () => {
    expect(resolveRoles(series, signals, { targets: [], controls: [], confounders: ['request rate'] })).toEqual({
      ok: true,
      targets: ['acc'],
      controls: ['rps'],
      infrastructure: ['cpu'],
    });
  });

  it('names as infrastructure only infra-role signals, or the URL list', () => {
    const byRole = resolveRoles(series, signals, { targets: ['accuracy'], controls: [], confounders: [] });
    expect(byRole.ok && byRole.infrastructure).toEqual(['cpu']);
    const listed = resolveRoles(series, signals, { targets: ['acc'], controls: [], confounders: [], infra: ['rps'] });
    expect(listed.ok && listed.infrastructure).toEqual(['rps']);
    const unknown = resolveRoles(series, signals, { targets: ['acc'], controls: [], confounders: [], infra: ['gone'] });
    expect(unknown.ok).toBe(false);
  });

  it('takes URL targets by display name or id, a drift series by its label, and never controls a target', () => {
    const r = resolveRoles(series, signals, {
      targets: ['feature a drift (psi)', 'cpu'],
      controls: ['cpu', 'rps'],
      confounders: [],
    });
    expect(r.ok && r.targets[1]).toBe('cpu');
    expect(r.ok && r.targets[0]).toMatch(/^drift:/);
    expect(r.ok && r.controls).toEqual(['rps']);
  });

  it('lists what is available for an unknown name, and asks for a target when there is no model signal', () => {
    const unknown = resolveRoles(series, signals, { targets: ['latency'], controls: [], confounders: [] });
    expect(unknown).toMatchObject({ ok: false, kind: 'unknown' });
    expect(!unknown.ok && unknown.message).toMatch(/No signal is named "latency".*Available: "cpu", "request rate"/);
    const none = resolveRoles(series, [], { targets: [], controls: [], confounders: [] });
    expect(none).toMatchObject({ ok: false, kind: 'no-targets' });
  });
});
