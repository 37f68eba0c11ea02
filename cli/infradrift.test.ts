/** @jest-environment node */
import * as fs from 'fs';
import * as path from 'path';
import { csvToRequest, EXIT, HELP, main, type CliIO } from './infradrift';

function io(stdin = ''): CliIO & { out: string; err: string } {
  const o = {
    out: '',
    err: '',
    readStdin: () => stdin,
    readFile: (p: string) => fs.readFileSync(p, 'utf8'),
    writeFile: () => undefined,
    stdout: (t: string) => {
      o.out += t;
    },
    stderr: (t: string) => {
      o.err += t;
    },
  };
  return o;
}
const example = (f: string) => path.join(__dirname, 'examples', f);

describe('infradrift CLI', () => {
  it('--help prints usage and exits 0', () => {
    const x = io();
    expect(main(['--help'], x)).toBe(EXIT.OK);
    expect(x.out).toBe(HELP);
    expect(x.out).toContain('--fail-above');
  });
  it('runs a JSON request file to a JSON result', () => {
    const x = io();
    expect(main(['--input', example('request.json')], x)).toBe(EXIT.OK);
    const res = JSON.parse(x.out);
    expect(res.version).toBe(1);
    expect(res.correlation.method).toBe('spearman');
    expect(res.clustering.order).toHaveLength(3);
  });
  it('reads CSV from stdin with ISO timestamps', () => {
    const x = io(fs.readFileSync(example('metrics.csv'), 'utf8'));
    expect(main(['--format', 'csv', '--method', 'kendall'], x)).toBe(EXIT.OK);
    const res = JSON.parse(x.out);
    expect(res.grid.stepMs).toBe(60000);
    expect(res.correlation.ids).toEqual(['cpu_throttle', 'latency_p99', 'request_rate']);
  });
  it('gates: --fail-above crossed exits 1, --fail-below not crossed exits 0', () => {
    const a = io();
    expect(main(['--input', example('metrics.csv'), '--fail-above', 'cpu_throttle,latency_p99=0.5'], a)).toBe(EXIT.THRESHOLD);
    expect(a.err).toContain('gate crossed');
    const b = io();
    expect(main(['--input', example('metrics.csv'), '--fail-below', 'cpu_throttle,latency_p99=0.5'], b)).toBe(EXIT.OK);
  });
  it('unknown pair exits 3, bad usage exits 2', () => {
    expect(main(['--input', example('metrics.csv'), '--fail-above', 'cpu_throttle,nope=0.5'], io())).toBe(EXIT.NO_VALUE);
    expect(main(['--bogus'], io())).toBe(EXIT.USAGE);
    expect(main(['--fail-above', 'nonsense'], io())).toBe(EXIT.USAGE);
    expect(main(['--input', '/nonexistent/file.json'], io())).toBe(EXIT.USAGE);
    expect(main([], io('not json'))).toBe(EXIT.USAGE);
  });
  it('csvToRequest handles numeric seconds, quotes and empty cells', () => {
    const req = csvToRequest('ts,"a b",c\n1,1,\n2,2,5\n', 'ts', 's');
    expect(req.series.map((s) => s.id)).toEqual(['a b', 'c']);
    expect(req.series[0].timestamps).toEqual([1000, 2000]);
    expect(req.series[1].values).toEqual([null, 5]);
  });
});
