/** @jest-environment node */
import { analyze } from '../analyze';
import { leadDecision, leadStatement, pairLeadStatement, type LeadPair } from '../lags/leadStatement';
import { ar1, normal, rng } from './helpers';

const pair = (over: Partial<LeadPair>): LeadPair => ({
  a: 'cache',
  b: 'latency',
  bestLag: 3,
  bestR: 0.62,
  pBestLag: 0.001,
  qBestLag: 0.004,
  atEdge: false,
  reason: null,
  ...over,
});
const names = { cache: 'cache miss ratio', latency: 'latency p99' };

describe('sentence kinds (decision table in lags/leadStatement.ts)', () => {
  it('leads: q <= alpha and the peak inside the range; names the leader by the convention', () => {
    const s = leadStatement(pair({}), { stepMs: 60_000, names });
    expect(s.kind).toBe('leads');
    expect([s.leader, s.follower, s.lagSteps]).toEqual(['cache', 'latency', 3]);
    expect(s.text).toBe('cache miss ratio leads latency p99 by 3m (r = 0.62 at that lag, q = 0.004).');
    const back = leadStatement(pair({ bestLag: -3, bestR: -0.55 }), { stepMs: 90_000, names });
    expect([back.kind, back.leader, back.lagSteps]).toEqual(['leads', 'latency', -3]);
    expect(back.text).toBe('latency p99 leads cache miss ratio by 4m 30s (r = −0.55 at that lag, q = 0.004).');
  });

  it('lagSteps follows the series read first; the sentence names the same leader either way', () => {
    const asked = leadStatement(pair({}), { first: 'latency', names });
    expect(asked.lagSteps).toBe(-3);
    expect(asked.leader).toBe('cache');
    expect(asked.text).toMatch(/^cache miss ratio leads latency p99 by 3 steps/);
  });

  it('same-time: significant peak at lag 0 says "moves with"', () => {
    const s = leadStatement(pair({ bestLag: 0 }), { names });
    expect(s.kind).toBe('same-time');
    expect(s.text).toBe('cache miss ratio moves with latency p99 at the same time (r = 0.62, q = 0.004).');
  });

  it('no-clear-lead: q above alpha, or no q at all (a result without the best-lag test)', () => {
    expect(leadStatement(pair({ qBestLag: 0.2 }), { names }).text).toBe(
      'No clear lead between cache miss ratio and latency p99 (strongest lag: r = 0.62, q = 0.20).'
    );
    expect(leadDecision(pair({ qBestLag: 0.04 }), { alpha: 0.01 }).kind).toBe('no-clear-lead');
    expect(leadDecision(pair({ qBestLag: undefined })).kind).toBe('no-clear-lead');
    expect(leadDecision(pair({ qBestLag: null })).kind).toBe('no-clear-lead');
    // A non-significant peak at the edge is no advice to widen the range.
    expect(leadDecision(pair({ qBestLag: 0.3, atEdge: true })).kind).toBe('no-clear-lead');
  });

  it('edge: a significant peak at ±maxLag asks to widen the range instead of stating a lead', () => {
    const s = leadStatement(pair({ bestLag: -30, atEdge: true }), { stepMs: 60_000, maxLag: 30, names });
    expect(s.kind).toBe('edge');
    expect(s.leader).toBeNull();
    expect(s.text).toBe(
      'Peak at the edge of ±30m: widen the lag range before reading a lead between cache miss ratio and latency p99 (r = 0.62, q = 0.004).'
    );
  });

  it('unavailable: no best lag, with the reason', () => {
    const s = leadStatement(
      pair({ bestLag: null, bestR: null, pBestLag: null, qBestLag: null, reason: 'insufficient_overlap' })
    );
    expect(s.kind).toBe('unavailable');
    expect(s.text).toBe('No lag for cache and latency (insufficient overlap).');
  });

  it('never says "causes"', () => {
    const variants: Array<Partial<LeadPair>> = [
      {},
      { bestLag: 0 },
      { qBestLag: 0.5 },
      { atEdge: true },
      { bestLag: null, bestR: null },
    ];
    for (const v of variants) {
      expect(leadStatement(pair(v), { names }).text).not.toMatch(/caus/i);
    }
  });
});

describe('edge flag from the engine', () => {
  // b follows a by 12 steps: inside ±20 the peak is at 12; inside ±10 it sits at the edge.
  const z = normal(rng(7));
  const x = ar1(0.7, 412, z);
  const a = x.slice(12);
  const b = x.slice(0, 400).map((v) => v + 0.3 * z());
  const run = (maxLag: number) =>
    analyze({
      version: 1,
      series: [
        { id: 'a', values: a },
        { id: 'b', values: b },
      ],
      grid: { stepMs: 60_000 },
      lags: { maxLag, pairs: [['a', 'b']] },
    }).lags!;

  it('peak inside the range: atEdge false and a lead of 12 steps', () => {
    const lags = run(20);
    expect(lags.pairs[0].atEdge).toBe(false);
    const s = pairLeadStatement(lags, 'a', 'b')!;
    expect([s.kind, s.leader, s.lagSteps]).toEqual(['leads', 'a', 12]);
    expect(s.text).toMatch(/^a leads b by 12m /);
  });

  it('peak beyond the range: atEdge true at +10, edge sentence with the range', () => {
    const lags = run(10);
    expect(lags.pairs[0].bestLag).toBe(10);
    expect(lags.pairs[0].atEdge).toBe(true);
    const s = pairLeadStatement(lags, 'b', 'a')!;
    expect(s.kind).toBe('edge');
    expect(s.lagSteps).toBe(-10);
    expect(s.text).toMatch(/^Peak at the edge of ±10m: widen the lag range/);
  });

  it('an unknown pair gives null', () => {
    expect(pairLeadStatement(run(5), 'a', 'nope')).toBeNull();
  });
});
