import { emptyIncidentState, type IncidentState } from './incidentUrl';
import { parseTime, resolveWindows } from './windows';

const NOW = Date.UTC(2026, 0, 12, 12, 0, 0);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

function state(extra: Partial<IncidentState>): IncidentState {
  return { ...emptyIncidentState(), ...extra };
}

describe('parseTime', () => {
  it('reads ms, Grafana time expressions anchored at now, and refuses the rest', () => {
    expect(parseTime('1736700000000', false, NOW)).toBe(1736700000000);
    expect(parseTime('now-1h', false, NOW)).toBe(NOW - HOUR);
    expect(parseTime('now', true, NOW)).toBe(NOW);
    expect(parseTime('yesterday-ish', false, NOW)).toBeUndefined();
  });
});

/** The last hour against a fixed baseline. */
function fixedBefore(from: number, to: number) {
  return resolveWindows(
    state({ from: String(NOW - HOUR), to: String(NOW), baseline: { kind: 'fixed', from, to } }),
    {},
    NOW
  );
}

describe('resolveWindows', () => {
  it('fetches one range over a preceding baseline and the incident', () => {
    const r = resolveWindows(state({ from: String(NOW - HOUR), to: String(NOW) }), {}, NOW);
    expect(r.ok && r.windows).toMatchObject({
      incident: { from: NOW - HOUR, to: NOW },
      baselineRange: { from: NOW - 5 * HOUR, to: NOW - HOUR },
      baseline: { kind: 'preceding', factor: 4 },
      fetch: [{ from: NOW - 5 * HOUR, to: NOW }],
    });
  });

  it('defaults to the last hour when the URL names no window', () => {
    const r = resolveWindows(state({}), {}, NOW);
    expect(r.ok && r.windows.incident).toEqual({ from: NOW - HOUR, to: NOW });
  });

  it('fetches the incident and the same window a week earlier as two ranges with one step', () => {
    const r = resolveWindows(state({ from: 'now-1h', to: 'now', baseline: { kind: 'shifted', shift: '7d' } }), {}, NOW);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.windows.baseline).toEqual({ kind: 'shifted', shift: '7d' });
      expect(r.windows.fetch).toEqual([
        { from: NOW - 7 * DAY - HOUR, to: NOW - 7 * DAY },
        { from: NOW - HOUR, to: NOW },
      ]);
      // The minimum step (60 s) suits a one-hour range; both ranges use it.
      expect(r.windows.intervalMs).toBe(MIN);
    }
  });

  it('fetches a fixed baseline close to the incident in one range, a distant one apart', () => {
    const near = fixedBefore(NOW - 3 * HOUR, NOW - 2 * HOUR);
    expect(near.ok && near.windows.fetch).toEqual([{ from: NOW - 3 * HOUR, to: NOW }]);
    const far = fixedBefore(NOW - 30 * HOUR, NOW - 29 * HOUR);
    expect(far.ok && far.windows.fetch).toHaveLength(2);
  });

  it('says what is wrong with an unreadable, empty or overlapping window', () => {
    const bad = resolveWindows(state({ from: 'soon', to: 'now' }), {}, NOW);
    expect(!bad.ok && bad.message).toMatch(/cannot be read \(from=soon\)/);
    const empty = resolveWindows(state({ from: 'now', to: 'now-1h' }), {}, NOW);
    expect(!empty.ok && empty.message).toMatch(/is empty/);
    const overlap = fixedBefore(NOW - 2 * HOUR, NOW - 30 * MIN);
    expect(!overlap.ok && overlap.message).toMatch(/overlaps the incident/);
  });
});
