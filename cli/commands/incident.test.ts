/** @jest-environment node */
import type { AnalyzeResult, CompareResult, Verdict, VerdictKind } from '../../src/stats';
import { EXIT } from '../exitCodes';
import { main } from '../main';
import { memoryIO } from '../memoryIO';
import type { Engine } from './command';
import { parseBaseline, parseWindow } from './incident';

const MIN = 60_000;
const ids = ['model_drift', 'cache_miss', 'request_rate'];
const timestamps = Array.from({ length: 40 }, (_, k) => k * MIN);
const REQUEST = { version: 1, series: ids.map((id) => ({ id, timestamps, values: timestamps.map((t) => t % 7) })) };

const verdict = (target: string, kind: VerdictKind): Verdict => ({
  target,
  targetName: target,
  kind,
  named: kind === 'infrastructure' ? ['cache_miss'] : [],
  sentence: `sentence for ${target}`,
  evidence: [],
});

/** A hand-built result: the engine's numbers are not under test here, only what the command does with them. */
function stubEngine(verdicts: Verdict[], warnings: AnalyzeResult['warnings'] = []) {
  const requests: Array<Record<string, any>> = [];
  const compare = { verdicts, caution: 'Correlation is not causation.' } as unknown as CompareResult;
  const engine: Engine = {
    analyze: (request) => {
      requests.push(request as Record<string, any>);
      return { version: 1, series: [], warnings, compare } as unknown as AnalyzeResult;
    },
  };
  return { engine, requests };
}

async function run(argv: string[], engine: Engine, input: object = REQUEST) {
  const io = memoryIO(JSON.stringify(input));
  const code = await main(['incident', ...argv], io, engine);
  return { code, out: io.out, err: io.err };
}

const INCIDENT = ['--incident', `${30 * MIN},${40 * MIN}`];

describe('infradrift incident: arguments', () => {
  it('reads windows in ms or ISO 8601 (UTC without a zone), as (from, to]', () => {
    expect(parseWindow('1000,2000', '--incident')).toEqual({ from: 1000, to: 2000 });
    expect(parseWindow('2026-01-01T10:00:00Z, 2026-01-01T10:30', '--incident')).toEqual({
      from: Date.UTC(2026, 0, 1, 10),
      to: Date.UTC(2026, 0, 1, 10, 30),
    });
    expect(() => parseWindow('2000,1000', '--incident')).toThrow('FROM must be before TO');
    expect(() => parseWindow('1000', '--incident')).toThrow('must be FROM,TO');
    expect(() => parseWindow('1000,yesterday', '--incident')).toThrow(
      "time 'yesterday' is neither a number (ms) nor an ISO 8601 date-time"
    );
  });
  it('reads the baselines', () => {
    expect(parseBaseline('preceding')).toEqual({ kind: 'preceding' });
    expect(parseBaseline('preceding:6')).toEqual({ kind: 'preceding', factor: 6 });
    expect(parseBaseline('1d')).toEqual({ kind: 'shifted', shift: '1d' });
    expect(parseBaseline('7d')).toEqual({ kind: 'shifted', shift: '7d' });
    expect(parseBaseline('fixed:0,60000')).toEqual({ kind: 'fixed', from: 0, to: 60000 });
    expect(() => parseBaseline('preceding:0')).toThrow('K > 0');
    expect(() => parseBaseline('2d')).toThrow('preceding[:K], 1d, 7d or fixed:FROM,TO');
  });
  it('sets request.compare from the flags, switches the whole-range matrix off, keeps the other sections', async () => {
    const { engine, requests } = stubEngine([verdict('model_drift', 'data drift')]);
    const { code } = await run(
      [
        ...INCIDENT,
        '--baseline',
        'fixed:0,1200000',
        '--target',
        'model_drift',
        '--control',
        'request_rate',
        '--infra',
        'cache_miss',
        '--max-lag',
        '3',
        '--alpha',
        '0.01',
      ],
      engine
    );
    expect(code).toBe(EXIT.OK);
    expect(requests[0].correlation).toEqual({ enabled: false });
    expect(requests[0].series).toEqual(REQUEST.series);
    expect(requests[0].compare).toEqual({
      incident: { from: 30 * MIN, to: 40 * MIN },
      baseline: { kind: 'fixed', from: 0, to: 20 * MIN },
      targets: ['model_drift'],
      controls: ['request_rate'],
      infrastructure: ['cache_miss'],
      maxLag: 3,
      alpha: 0.01,
    });
  });
  it('takes targets repeated or as a comma list; the JSON compare section fills what the flags leave out', async () => {
    const { engine, requests } = stubEngine([verdict('model_drift', 'no change'), verdict('cache_miss', 'no change')]);
    const input = {
      ...REQUEST,
      correlation: { method: 'spearman' },
      compare: { incident: { from: 30 * MIN, to: 40 * MIN }, targets: ['request_rate'], minEffective: 5 },
    };
    expect((await run(['--target', 'model_drift', '--target', 'cache_miss,'], engine, input)).code).toBe(EXIT.OK);
    expect(requests[0].compare).toEqual({
      incident: { from: 30 * MIN, to: 40 * MIN },
      targets: ['model_drift', 'cache_miss'],
      minEffective: 5,
    });
    // A correlation section the request asks for is kept.
    expect(requests[0].correlation).toEqual({ method: 'spearman' });
  });
  it('--help lists the options and the exit codes', async () => {
    const { out, code } = await run(['--help'], stubEngine([]).engine);
    expect(code).toBe(EXIT.OK);
    expect(out).toContain('infradrift incident --incident FROM,TO --target ID');
    expect(out).toContain('--fail-on KIND[,KIND]');
    expect(out).toMatch(/Exit codes:\n {2}0 .*\n {2}1 {2}a target's verdict is one of --fail-on/);
  });
});

describe('infradrift incident: bad input (exit 2, a clear message, the engine not run)', () => {
  const cases: Array<[string, string[], string | RegExp]> = [
    ['no --incident', ['--target', 'model_drift'], '--incident FROM,TO is required'],
    ['no --target', INCIDENT, '--target ID is required'],
    [
      'an unknown target',
      [...INCIDENT, '--target', 'model_drfit'],
      "unknown target 'model_drfit' (series: model_drift, cache_miss, request_rate)",
    ],
    ['an unknown control', [...INCIDENT, '--target', 'model_drift', '--control', 'rps'], "unknown control 'rps'"],
    [
      'a target that is a control',
      [...INCIDENT, '--target', 'model_drift', '--control', 'model_drift'],
      'both a target and a control',
    ],
    [
      'a fixed baseline overlapping the incident',
      [...INCIDENT, '--target', 'model_drift', '--baseline', `fixed:0,${31 * MIN}`],
      /the baseline \(1970-01-01T00:00:00.000Z, 1970-01-01T00:31:00.000Z\] overlaps the incident \(1970-01-01T00:30:00.000Z, 1970-01-01T00:40:00.000Z\]/,
    ],
    [
      'a 1d baseline for an incident longer than a day',
      ['--incident', `0,${2 * 86_400_000}`, '--target', 'model_drift', '--baseline', '1d'],
      'overlaps the incident',
    ],
    [
      'an unknown verdict kind',
      [...INCIDENT, '--target', 'model_drift', '--fail-on', 'infra'],
      "--fail-on takes infrastructure, data-drift, confounded, inconclusive or no-change, got 'infra'",
    ],
    ['a bad alpha', [...INCIDENT, '--target', 'model_drift', '--alpha', '5'], '--alpha must lie between 0 and 1'],
    [
      'a fractional max lag',
      [...INCIDENT, '--target', 'model_drift', '--max-lag', '2.5'],
      '--max-lag needs a whole number',
    ],
    [
      'an unknown flag',
      [...INCIDENT, '--target', 'model_drift', '--fail-above', 'a,b=1'],
      "Unknown option '--fail-above'",
    ],
  ];
  it.each(cases)('%s', async (_, argv, message) => {
    const { engine, requests } = stubEngine([]);
    const { code, err, out } = await run(argv, engine);
    expect(code).toBe(EXIT.BAD_INPUT);
    expect(err).toEqual(
      expect.stringMatching(typeof message === 'string' ? message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : message)
    );
    expect(requests).toHaveLength(0);
    expect(out).toBe('');
  });
  it('a drift series appended by the engine may be a target: checked after the run, missing verdict = exit 2', async () => {
    const input = { ...REQUEST, drift: { series: [], correlate: true } };
    const { engine } = stubEngine(
      [],
      [{ code: 'COMPARE_WINDOW', message: 'the incident window lies outside the data' }]
    );
    const { code, err } = await run([...INCIDENT, '--target', 'ctr_drift'], engine, input);
    expect(code).toBe(EXIT.BAD_INPUT);
    expect(err).toContain("no verdict for 'ctr_drift'");
    expect(err).toContain('COMPARE_WINDOW: the incident window lies outside the data');
  });
  it('an engine refusal keeps its usual exit code', async () => {
    const { engine } = stubEngine([], [{ code: 'UNKNOWN_OPTION', message: 'compare.foo is not an option' }]);
    const { code, err } = await run([...INCIDENT, '--target', 'model_drift'], engine);
    expect(code).toBe(EXIT.BAD_INPUT);
    expect(err).toContain('request refused: UNKNOWN_OPTION');
  });
});

describe('infradrift incident: verdicts and exit codes', () => {
  const gate = async (kinds: VerdictKind[], failOn?: string) => {
    const verdicts = kinds.map((k, i) => verdict(ids[i], k));
    const argv = [
      ...INCIDENT,
      '--target',
      ids.slice(0, kinds.length).join(','),
      ...(failOn ? ['--fail-on', failOn] : []),
    ];
    return run(argv, stubEngine(verdicts).engine);
  };
  it('prints the whole result JSON and one stderr line per verdict, then the caution once', async () => {
    const { code, out, err } = await gate(['data drift', 'no change']);
    expect(code).toBe(EXIT.OK);
    expect(JSON.parse(out).compare.verdicts.map((v: Verdict) => v.kind)).toEqual(['data drift', 'no change']);
    expect(err).toBe(
      'model_drift: data drift: sentence for model_drift\ncache_miss: no change: sentence for cache_miss\nCorrelation is not causation.\n'
    );
  });
  it('exits 1 when a verdict is infrastructure (the default --fail-on), naming the target', async () => {
    const { code, err } = await gate(['no change', 'infrastructure']);
    expect(code).toBe(EXIT.GATE_CROSSED);
    expect(err).toContain("--fail-on: 'cache_miss' is infrastructure");
  });
  it.each<[VerdictKind[], string, number]>([
    [['data drift'], 'data-drift', EXIT.GATE_CROSSED],
    [['data drift'], 'data drift', EXIT.GATE_CROSSED],
    [['no change'], 'no-change,confounded', EXIT.GATE_CROSSED],
    [['confounded'], 'infrastructure,confounded', EXIT.GATE_CROSSED],
    [['inconclusive'], 'inconclusive', EXIT.GATE_CROSSED],
    [['infrastructure'], 'data-drift', EXIT.OK],
    [['inconclusive', 'confounded'], 'infrastructure', EXIT.OK],
  ])('%j with --fail-on %s exits %d', async (kinds, failOn, expected) => {
    expect((await gate(kinds, failOn)).code).toBe(expected);
  });
  it('writes the JSON to --output and still gates', async () => {
    const io = memoryIO(JSON.stringify(REQUEST));
    const { engine } = stubEngine([verdict('model_drift', 'infrastructure')]);
    expect(await main(['incident', ...INCIDENT, '--target', 'model_drift', '--output', 'out.json'], io, engine)).toBe(
      EXIT.GATE_CROSSED
    );
    expect(JSON.parse(io.written.get('out.json')!).compare.verdicts[0].kind).toBe('infrastructure');
    expect(io.out).toBe('');
  });
});
