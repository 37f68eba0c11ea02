/** @jest-environment node */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyze } from '../src/stats';
import { EXIT } from './exitCodes';
import { nodeIO } from './io';
import { HELP, main } from './main';
import { memoryIO } from './memoryIO';

const example = (f: string) => path.join(__dirname, 'examples', f);

describe('infradrift main: dispatch and help', () => {
  it('--help prints the tool help (commands, default options, exit codes) and exits 0', async () => {
    const x = memoryIO();
    expect(await main(['--help'], x)).toBe(EXIT.OK);
    expect(x.out).toBe(HELP);
    expect(x.out).toContain('analyze');
    expect(x.out).toContain('--fail-above');
    expect(x.out).toMatch(
      /Exit codes:[\s\S]*0 {2}success[\s\S]*1 {2}at least one gate crossed[\s\S]*2 {2}bad input[\s\S]*3 {2}internal error/
    );
  });
  it('analyze --help prints the command help', async () => {
    const x = memoryIO();
    expect(await main(['analyze', '--help'], x)).toBe(EXIT.OK);
    expect(x.out).toContain('infradrift analyze [options] [INPUT]');
    expect(x.out).not.toBe(HELP);
  });
  it('the default invocation and the explicit analyze command give the same result', async () => {
    const a = memoryIO();
    const b = memoryIO();
    expect(await main(['--input', example('request.json')], a)).toBe(EXIT.OK);
    expect(await main(['analyze', '--input', example('request.json')], b)).toBe(EXIT.OK);
    const strip = (s: string) => ({ ...JSON.parse(s), timingsMs: {} });
    expect(strip(a.out)).toEqual(strip(b.out));
  });
});

describe('exit codes', () => {
  it('0: success, no gate crossed', async () => {
    expect(await main([example('request.json')], memoryIO())).toBe(EXIT.OK);
  });
  it('1: a gate crossed', async () => {
    const x = memoryIO();
    expect(await main([example('metrics.csv'), '--fail-above', 'cpu_throttle,latency_p99=0.5'], x)).toBe(
      EXIT.GATE_CROSSED
    );
    expect(x.err).toContain('gate crossed');
  });
  it('2: bad input (unknown flag, unreadable file, not JSON)', async () => {
    expect(await main(['--bogus'], memoryIO())).toBe(EXIT.BAD_INPUT);
    expect(await main(['--input', '/nonexistent/file.json'], memoryIO())).toBe(EXIT.BAD_INPUT);
    expect(await main([], memoryIO('not json'))).toBe(EXIT.BAD_INPUT);
  });
  it('2: an output directory that does not exist is bad input, not a crash', async () => {
    const dir = path.join(os.tmpdir(), `infradrift-missing-${process.pid}`, 'nope');
    const x = memoryIO();
    x.writeFile = nodeIO.writeFile;
    expect(await main([example('request.json'), '--output', path.join(dir, 'out.json')], x)).toBe(EXIT.BAD_INPUT);
    expect(x.err).toContain('cannot write output');
    expect(fs.existsSync(dir)).toBe(false);
  });
  it('3: an internal error (a result too large to stringify) is exit 3, not 1', async () => {
    const x = memoryIO();
    const huge = () => ({
      ...analyze({ version: 1, series: [] }),
      toJSON: () => {
        throw new RangeError('Invalid string length');
      },
    });
    expect(await main([example('request.json')], x, { analyze: huge })).toBe(EXIT.INTERNAL);
    expect(x.err).toContain('internal error');
    expect(x.err).toContain('Invalid string length');
  });
  it('3: an INTERNAL_ERROR warning of the engine is exit 3', async () => {
    const x = memoryIO();
    const broken = (req: unknown) => {
      const r = analyze(req);
      r.warnings.push({ code: 'INTERNAL_ERROR', message: 'internal error: boom' });
      return r;
    };
    expect(await main([example('request.json')], x, { analyze: broken })).toBe(EXIT.INTERNAL);
    expect(x.err).toContain('boom');
  });
});
