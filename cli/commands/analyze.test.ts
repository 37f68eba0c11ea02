/** @jest-environment node */
import * as fs from 'fs';
import * as path from 'path';
import { analyze, leadStatement, type AnalyzeResult } from '../../src/stats';
import { EXIT } from '../exitCodes';
import { main } from '../main';
import { memoryIO } from '../memoryIO';

const example = (f: string) => path.join(__dirname, '..', 'examples', f);
const request = (o: object) => memoryIO(JSON.stringify(o));
const series = [
  { id: 'a', timestamps: [0, 1000, 2000, 3000, 4000], values: [1, 2, 3, 4, 6] },
  { id: 'b', timestamps: [0, 1000, 2000, 3000, 4000], values: [2, 1, 4, 3, 5] },
];

describe('infradrift analyze', () => {
  it('runs a JSON request file to a JSON result', async () => {
    const x = memoryIO();
    expect(await main(['--input', example('request.json')], x)).toBe(EXIT.OK);
    const res = JSON.parse(x.out);
    expect(res.version).toBe(1);
    expect(res.correlation.method).toBe('spearman');
    expect(res.clustering.order).toHaveLength(3);
  });
  it('takes the input as a positional argument too, but only one input', async () => {
    const x = memoryIO();
    expect(await main(['analyze', example('request.json'), '--pretty'], x)).toBe(EXIT.OK);
    expect(x.out).toContain('\n  "version": 1');
    const y = memoryIO();
    expect(await main([example('request.json'), '--input', example('request.json')], y)).toBe(EXIT.BAD_INPUT);
    expect(y.err).toContain('one input only');
  });
  it('reads CSV from stdin with ISO timestamps', async () => {
    const x = memoryIO(fs.readFileSync(example('metrics.csv'), 'utf8'));
    expect(await main(['--format', 'csv', '--method', 'kendall'], x)).toBe(EXIT.OK);
    const res = JSON.parse(x.out);
    expect(res.grid.stepMs).toBe(60000);
    expect(res.correlation.ids).toEqual(['cpu_throttle', 'latency_p99', 'request_rate']);
  });
  it("gives each lag pair the engine's lead statement, {kind, text}, beside the engine's own fields", async () => {
    const x = memoryIO();
    expect(await main(['--input', example('metrics.csv'), '--max-lag', '3'], x)).toBe(EXIT.OK);
    const res = JSON.parse(x.out);
    expect(res.lags.pairs).toHaveLength(3);
    for (const pair of res.lags.pairs) {
      const { lead, ...engine } = pair;
      expect(engine).toHaveProperty('qBestLag');
      const s = leadStatement(engine, { alpha: res.lags.alpha, stepMs: res.lags.stepMs, maxLag: res.lags.maxLag });
      expect(lead).toEqual({ kind: s.kind, text: s.text });
    }
  });
  it('a best lag whose q is above alpha reads "no clear lead"; a significant one inside the range reads "leads"', async () => {
    // The engine's own result with the first lag pair's evidence set: q 0.3, then q 0.001 at lag 2 of ±3 (1 min steps).
    const withPair = (evidence: object) => ({
      analyze: (r: unknown): AnalyzeResult => {
        const res = analyze(r);
        res.lags!.pairs[0] = { ...res.lags!.pairs[0], bestLag: 2, bestR: 0.7, atEdge: false, ...evidence };
        return res;
      },
    });
    const run = async (evidence: object) => {
      const x = memoryIO();
      expect(await main(['--input', example('metrics.csv'), '--max-lag', '3'], x, withPair(evidence))).toBe(EXIT.OK);
      return JSON.parse(x.out).lags.pairs[0].lead;
    };
    expect(await run({ qBestLag: 0.3 })).toEqual({
      kind: 'no-clear-lead',
      text: 'No clear lead between cpu_throttle and latency_p99 (strongest lag: r = 0.70, q = 0.30).',
    });
    expect(await run({ qBestLag: 0.001 })).toEqual({
      kind: 'leads',
      text: 'cpu_throttle leads latency_p99 by 2m (r = 0.70 at that lag, q = 0.001).',
    });
    expect((await run({ qBestLag: 0.001, bestLag: -3, atEdge: true })).text).toMatch(
      /^Peak at the edge of ±3m: widen the lag range/
    );
  });
  it('gates: --fail-above crossed exits 1, --fail-below not crossed exits 0', async () => {
    const a = memoryIO();
    expect(await main(['--input', example('metrics.csv'), '--fail-above', 'cpu_throttle,latency_p99=0.5'], a)).toBe(
      EXIT.GATE_CROSSED
    );
    expect(a.err).toContain('gate crossed');
    const b = memoryIO();
    expect(await main(['--input', example('metrics.csv'), '--fail-below=cpu_throttle,latency_p99=0.5'], b)).toBe(
      EXIT.OK
    );
  });
  it('a gate on an unknown pair is bad input (exit 2) naming the series', async () => {
    const x = memoryIO();
    expect(await main(['--input', example('metrics.csv'), '--fail-above', 'cpu_throttle,nope=0.5'], x)).toBe(
      EXIT.BAD_INPUT
    );
    expect(x.err).toContain("unknown series 'nope'");
  });
  it('a gate on a pair without a value (constant series) is bad input, never a pass', async () => {
    const x = request({
      version: 1,
      series: [...series, { id: 'flat', timestamps: [0, 1000, 2000, 3000, 4000], values: [1, 1, 1, 1, 1] }],
    });
    expect(await main(['--fail-above', 'a,flat=0.5'], x)).toBe(EXIT.BAD_INPUT);
    expect(x.err).toContain('constant');
  });
  it('--fail-above with an empty threshold is bad input, not a gate at 0', async () => {
    const x = memoryIO();
    expect(await main([example('metrics.csv'), '--fail-above', 'cpu_throttle,latency_p99='], x)).toBe(EXIT.BAD_INPUT);
    expect(x.out).toBe('');
  });
  it('an empty request {} exits 2 with a clear message', async () => {
    const x = request({});
    expect(await main([], x)).toBe(EXIT.BAD_INPUT);
    expect(x.err).toContain('request refused: NO_SERIES');
  });
  it('a version 2 request exits 2 with a clear message', async () => {
    const x = request({ version: 2, series });
    expect(await main([], x)).toBe(EXIT.BAD_INPUT);
    expect(x.err).toMatch(/request refused: UNSUPPORTED_VERSION: request version 2 is not supported/);
    expect(JSON.parse(x.out).warnings[0].code).toBe('UNSUPPORTED_VERSION');
  });
  it('an unknown option in the request (applied as a default by the engine) exits 2', async () => {
    const x = request({ version: 1, series, correlation: { method: 'pearsn' } });
    expect(await main([], x)).toBe(EXIT.BAD_INPUT);
    expect(x.err).toContain("unknown correlation method 'pearsn'");
  });
  it('a JSON input that is not an object is bad input', async () => {
    expect(await main([], memoryIO('[1, 2]'))).toBe(EXIT.BAD_INPUT);
  });
  it('bad flag values are bad input naming the valid values', async () => {
    const x = memoryIO();
    expect(await main([example('request.json'), '--method', 'pearsn'], x)).toBe(EXIT.BAD_INPUT);
    expect(x.err).toContain('--method must be pearson, spearman or kendall');
    expect(await main([example('request.json'), '--step', ''], memoryIO())).toBe(EXIT.BAD_INPUT);
    expect(await main([example('request.json'), '--alpha'], memoryIO())).toBe(EXIT.BAD_INPUT);
  });
  it('--cluster takes an optional linkage and leaves a following input alone', async () => {
    const x = memoryIO();
    expect(await main(['--cluster', 'complete', example('request.json')], x)).toBe(EXIT.OK);
    expect(JSON.parse(x.out).clustering.linkage).toBe('complete');
    const y = memoryIO();
    expect(await main(['--cluster', example('request.json')], y)).toBe(EXIT.OK);
    expect(JSON.parse(y.out).clustering.linkage).toBe('average');
  });
  it('--output writes the file instead of stdout', async () => {
    const x = memoryIO();
    expect(await main([example('request.json'), '--output', 'out.json'], x)).toBe(EXIT.OK);
    expect(x.out).toBe('');
    expect(JSON.parse(x.written.get('out.json') ?? '').version).toBe(1);
  });
});
