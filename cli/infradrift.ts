/**
 * infradrift CLI: runs the correlation engine's `analyze` on a request file for CI/CD and scripts.
 * Logic lives here (testable through `main`); cli/bin.js is the launcher. See `--help` and
 * docs/engine.md ("Command line").
 */
import * as fs from 'fs';
import { analyze } from '../src/stats/analyze';
import type { AnalyzeRequest, AnalyzeResult, CorrelationMethod, Linkage, SeriesInput } from '../src/stats/contract';
import { pairStats } from '../src/stats/pairStats';

export const EXIT = { OK: 0, THRESHOLD: 1, USAGE: 2, NO_VALUE: 3 } as const;

export const HELP = `infradrift - correlation engine of InfraDrift (infrastructure vs data drift)

Usage:
  npx infradrift [options]            (or: npm run infradrift -- [options])

Input:
  --input FILE|-          request file, or - for stdin (default -)
  --format json|csv       input format (default: csv if FILE ends in .csv, else json)
                          json: an AnalyzeRequest {version: 1, series: [...], ...} (docs/engine.md)
                          csv:  header row; one time column, every other column is a series
  --time-column NAME      csv time column (default "time", else the first column)
  --time-unit ms|s        unit of numeric csv timestamps (default ms); ISO 8601 strings also work
  --step MS               grid step in milliseconds (default: inferred)

Analysis (override the request's sections):
  --method pearson|spearman|kendall
  --max-lag N             cross-correlation over -N..N steps for all pairs (positive lag: A leads B)
  --controls A,B          partial correlations controlling for these series
  --cluster [LINKAGE]     hierarchical clustering: average (default), complete, single
  --alpha X               significance level (default 0.05)

Output:
  --output FILE           write the result JSON there (default stdout)
  --pretty                indent the JSON

Gates (repeatable; exit 1 when crossed):
  --fail-above A,B=X      fail when the statistic of pair (A, B) is above X
  --fail-below A,B=X      fail when it is below X
  --fail-stat r|abs-r|p|q|best-r   statistic the gates compare (default r)
  --pair-separator S      separator between A and B in gates (default ",")

Exit codes:
  0  success, no gate crossed
  1  at least one gate crossed (each is reported on stderr)
  2  usage error or unreadable input
  3  a gated pair is unknown or has no value (e.g. constant series); reported on stderr

  -h, --help              this help
`;

export interface CliIO {
  readStdin: () => string;
  readFile: (path: string) => string;
  writeFile: (path: string, text: string) => void;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const nodeIO: CliIO = {
  readStdin: () => fs.readFileSync(0, 'utf8'),
  readFile: (p) => fs.readFileSync(p, 'utf8'),
  writeFile: (p, t) => fs.writeFileSync(p, t),
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

interface Gate {
  kind: 'above' | 'below';
  a: string;
  b: string;
  threshold: number;
  spec: string;
}

interface Options {
  input: string;
  format?: 'json' | 'csv';
  timeColumn?: string;
  timeUnit: 'ms' | 's';
  step?: number;
  method?: CorrelationMethod;
  maxLag?: number;
  controls?: string[];
  cluster?: Linkage;
  alpha?: number;
  output?: string;
  pretty: boolean;
  gates: Array<{ kind: 'above' | 'below'; spec: string }>;
  failStat: 'r' | 'abs-r' | 'p' | 'q' | 'best-r';
  pairSeparator: string;
  help: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Options {
  const o: Options = { input: '-', timeUnit: 'ms', pretty: false, gates: [], failStat: 'r', pairSeparator: ',', help: false };
  const need = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined) {
      throw new UsageError(`${flag} needs a value`);
    }
    return v;
  };
  const num = (v: string, flag: string): number => {
    const x = Number(v);
    if (!Number.isFinite(x)) {
      throw new UsageError(`${flag} needs a number, got '${v}'`);
    }
    return x;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') && !arg.startsWith('--fail-') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      if (inline !== undefined) {
        return inline;
      }
      const v = need(i, flag);
      i++;
      return v;
    };
    switch (flag) {
      case '-h':
      case '--help':
        o.help = true;
        break;
      case '--input':
        o.input = value();
        break;
      case '--format': {
        const f = value();
        if (f !== 'json' && f !== 'csv') {
          throw new UsageError(`--format must be json or csv, got '${f}'`);
        }
        o.format = f;
        break;
      }
      case '--time-column':
        o.timeColumn = value();
        break;
      case '--time-unit': {
        const u = value();
        if (u !== 'ms' && u !== 's') {
          throw new UsageError(`--time-unit must be ms or s, got '${u}'`);
        }
        o.timeUnit = u;
        break;
      }
      case '--step':
        o.step = num(value(), flag);
        break;
      case '--method': {
        const m = value();
        if (m !== 'pearson' && m !== 'spearman' && m !== 'kendall') {
          throw new UsageError(`--method must be pearson, spearman or kendall, got '${m}'`);
        }
        o.method = m;
        break;
      }
      case '--max-lag':
        o.maxLag = num(value(), flag);
        break;
      case '--controls':
        o.controls = value().split(',').filter((s) => s !== '');
        break;
      case '--cluster': {
        const next = argv[i + 1];
        if (next === 'average' || next === 'complete' || next === 'single') {
          o.cluster = next;
          i++;
        } else {
          o.cluster = 'average';
        }
        break;
      }
      case '--alpha':
        o.alpha = num(value(), flag);
        break;
      case '--output':
        o.output = value();
        break;
      case '--pretty':
        o.pretty = true;
        break;
      case '--fail-above':
      case '--fail-below':
        o.gates.push({ kind: flag === '--fail-above' ? 'above' : 'below', spec: need(i, flag) });
        i++;
        break;
      case '--fail-stat': {
        const s = value();
        if (!['r', 'abs-r', 'p', 'q', 'best-r'].includes(s)) {
          throw new UsageError(`--fail-stat must be r, abs-r, p, q or best-r, got '${s}'`);
        }
        o.failStat = s as Options['failStat'];
        break;
      }
      case '--pair-separator':
        o.pairSeparator = value();
        break;
      default:
        if (arg.startsWith('--fail-above=') || arg.startsWith('--fail-below=')) {
          o.gates.push({ kind: arg.startsWith('--fail-above') ? 'above' : 'below', spec: arg.slice(13) });
          break;
        }
        throw new UsageError(`unknown option '${arg}' (see --help)`);
    }
  }
  return o;
}

function parseGate(kind: 'above' | 'below', spec: string, sep: string): Gate {
  const eq = spec.lastIndexOf('=');
  const pair = eq > 0 ? spec.slice(0, eq) : '';
  const threshold = Number(spec.slice(eq + 1));
  const at = pair.indexOf(sep);
  if (eq <= 0 || at <= 0 || at + sep.length >= pair.length || !Number.isFinite(threshold)) {
    throw new UsageError(`gate '${spec}' must look like A${sep}B=THRESHOLD`);
  }
  return { kind, a: pair.slice(0, at), b: pair.slice(at + sep.length), threshold, spec };
}

/** Splits one CSV line (RFC 4180 quotes; no embedded newlines). */
function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        cur += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else {
      cur += ch;
    }
  }
  out.push(cur);
  return out.map((s) => s.trim());
}

/** CSV with a time column -> AnalyzeRequest with one series per other column. */
export function csvToRequest(text: string, timeColumn: string | undefined, timeUnit: 'ms' | 's'): AnalyzeRequest {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) {
    throw new UsageError('CSV input is empty');
  }
  const header = splitCsvLine(lines[0]);
  let tIdx = header.indexOf(timeColumn ?? 'time');
  if (tIdx < 0) {
    if (timeColumn !== undefined) {
      throw new UsageError(`CSV has no time column '${timeColumn}' (columns: ${header.join(', ')})`);
    }
    tIdx = 0;
  }
  const timestamps: Array<number | null> = [];
  const cols: Array<Array<number | null>> = header.map(() => []);
  for (const line of lines.slice(1)) {
    const cells = splitCsvLine(line);
    const raw = cells[tIdx] ?? '';
    let t = raw === '' ? NaN : Number(raw);
    if (Number.isFinite(t)) {
      t = timeUnit === 's' ? t * 1000 : t;
    } else {
      t = Date.parse(raw);
    }
    timestamps.push(Number.isFinite(t) ? t : null);
    header.forEach((_, c) => {
      if (c !== tIdx) {
        const v = cells[c] === undefined || cells[c] === '' ? NaN : Number(cells[c]);
        cols[c].push(Number.isFinite(v) || v === Infinity || v === -Infinity ? v : null);
      }
    });
  }
  const series: SeriesInput[] = header.map((id, c) => ({ id, timestamps, values: cols[c] })).filter((_, c) => c !== tIdx);
  return { version: 1, series };
}

function statOf(result: AnalyzeResult, g: Gate, stat: Options['failStat']): number | null {
  const ps = pairStats(result, g.a, g.b);
  if (!ps) {
    return null;
  }
  switch (stat) {
    case 'r':
      return ps.r;
    case 'abs-r':
      return ps.r === null ? null : Math.abs(ps.r);
    case 'p':
      return ps.p;
    case 'q':
      return ps.q;
    case 'best-r':
      return ps.bestR;
  }
}

/** Runs the CLI; returns the exit code. */
export function main(argv: string[], io: CliIO = nodeIO): number {
  let opts: Options;
  let gates: Gate[];
  try {
    opts = parseArgs(argv);
    gates = opts.gates.map((g) => parseGate(g.kind, g.spec, opts.pairSeparator));
  } catch (e) {
    io.stderr(`infradrift: ${(e as Error).message}\n`);
    return EXIT.USAGE;
  }
  if (opts.help) {
    io.stdout(HELP);
    return EXIT.OK;
  }
  let request: AnalyzeRequest;
  try {
    const text = opts.input === '-' ? io.readStdin() : io.readFile(opts.input);
    const format = opts.format ?? (opts.input.toLowerCase().endsWith('.csv') ? 'csv' : 'json');
    request = format === 'csv' ? csvToRequest(text, opts.timeColumn, opts.timeUnit) : (JSON.parse(text) as AnalyzeRequest);
    if (typeof request !== 'object' || request === null) {
      throw new UsageError('JSON input must be an object');
    }
  } catch (e) {
    io.stderr(`infradrift: cannot read input: ${(e as Error).message}\n`);
    return EXIT.USAGE;
  }
  if (opts.step !== undefined) {
    request.grid = { ...request.grid, stepMs: opts.step };
  }
  if (opts.method) {
    request.correlation = { ...request.correlation, method: opts.method };
  }
  if (opts.maxLag !== undefined) {
    request.lags = { ...request.lags, maxLag: opts.maxLag };
  }
  if (opts.controls) {
    request.partial = { controls: opts.controls };
  }
  if (opts.cluster) {
    request.clustering = { ...request.clustering, linkage: opts.cluster };
  }
  if (opts.alpha !== undefined) {
    request.significance = { ...request.significance, alpha: opts.alpha };
  }
  if (opts.failStat === 'best-r' && !request.lags) {
    request.lags = { maxLag: 10 };
  }
  const result = analyze(request);
  const json = JSON.stringify(result, null, opts.pretty ? 2 : undefined) + '\n';
  if (opts.output) {
    io.writeFile(opts.output, json);
  } else {
    io.stdout(json);
  }
  let code: number = EXIT.OK;
  for (const g of gates) {
    const v = statOf(result, g, opts.failStat);
    if (v === null) {
      io.stderr(`infradrift: gate ${g.spec}: pair has no ${opts.failStat} (unknown series or undefined value)\n`);
      code = Math.max(code, EXIT.NO_VALUE);
      continue;
    }
    const crossed = g.kind === 'above' ? v > g.threshold : v < g.threshold;
    if (crossed) {
      io.stderr(`infradrift: gate crossed: ${opts.failStat}(${g.a}, ${g.b}) = ${v} is ${g.kind} ${g.threshold}\n`);
      code = code === EXIT.OK ? EXIT.THRESHOLD : code;
    }
  }
  return code;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
