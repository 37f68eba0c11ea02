/**
 * `infradrift analyze [options] [INPUT]` (also the default command): runs the engine's `analyze` on a request
 * (JSON) or a CSV, writes the result JSON, then checks the gates.
 */
import {
  leadStatement,
  resultToJson,
  type AnalyzeRequest,
  type AnalyzeResult,
  type CorrelationMethod,
  type LagPairResult,
  type LagsResult,
  type LeadKind,
  type Linkage,
} from '../../src/stats';
import { oneOf, parseCommandArgs } from '../args';
import { EXIT, EXIT_CODES_HELP, type ExitCode } from '../exitCodes';
import { evaluateGates, GATE_STATS, parseGate, type Gate } from '../gates';
import { parseNumber } from '../parseNumber';
import {
  readRequest,
  reportRefusal,
  REQUEST_INPUT_HELP,
  REQUEST_INPUT_OPTIONS,
  requestInput,
  writeResult,
} from '../requestInput';
import type { Command, CommandContext } from './command';

const METHODS: readonly CorrelationMethod[] = ['pearson', 'spearman', 'kendall'];
const LINKAGES: readonly Linkage[] = ['average', 'complete', 'single'];

const OPTIONS_HELP = `Input:
${REQUEST_INPUT_HELP}
Analysis (override the request's sections):
  --method pearson|spearman|kendall
  --max-lag N             cross-correlation over -N..N steps for all pairs (positive lag: A leads B)
  --controls A,B          partial correlations controlling for these series
  --cluster [LINKAGE]     hierarchical clustering: average (default), complete, single
  --alpha X               significance level (default 0.05)

Output:
  --output FILE           write the result JSON there (default stdout); written also when
                          the engine refuses the request (its warnings say why). Each lag pair
                          carries lead: {kind, text}, who leads by the rule the panels use
  --pretty                indent the JSON

Gates (repeatable; exit 1 when crossed):
  --fail-above A,B=X      fail when the statistic of pair (A, B) is above X
  --fail-below A,B=X      fail when it is below X
  --fail-stat r|abs-r|p|q|best-r   statistic the gates compare (default r)
  --pair-separator S      separator between A and B in gates (default ",")

  -h, --help              this help
`;

const HELP = `infradrift analyze - run the correlation engine on a request or a CSV

Usage:
  infradrift analyze [options] [INPUT]
  infradrift [options] [INPUT]        (analyze is the default command)

${OPTIONS_HELP}
${EXIT_CODES_HELP}`;

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  ...REQUEST_INPUT_OPTIONS,
  method: { type: 'string' },
  'max-lag': { type: 'string' },
  controls: { type: 'string' },
  // --cluster takes an optional linkage: parsed as a flag, the word after it is claimed below.
  cluster: { type: 'boolean' },
  alpha: { type: 'string' },
  output: { type: 'string' },
  pretty: { type: 'boolean' },
  'fail-above': { type: 'string', multiple: true },
  'fail-below': { type: 'string', multiple: true },
  'fail-stat': { type: 'string' },
  'pair-separator': { type: 'string' },
} as const;

function parseOptions(argv: string[]) {
  const { values: v, tokens } = parseCommandArgs(argv, OPTIONS);
  const rest: string[] = [];
  let cluster: Linkage | undefined;
  // Gates keep their command-line order (above and below interleaved) so their reports do too.
  const gateSpecs: Array<{ kind: Gate['kind']; spec: string }> = [];
  tokens.forEach((t, k) => {
    const prev = tokens[k - 1];
    if (t.kind === 'positional') {
      // A linkage word right after --cluster is its value, not the input.
      const isLinkage =
        prev?.kind === 'option' && prev.name === 'cluster' && (LINKAGES as readonly string[]).includes(t.value);
      if (isLinkage) {
        cluster = t.value as Linkage;
      } else {
        rest.push(t.value);
      }
    } else if (t.kind === 'option' && t.name === 'cluster') {
      cluster = 'average';
    } else if (t.kind === 'option' && (t.name === 'fail-above' || t.name === 'fail-below') && t.value !== undefined) {
      gateSpecs.push({ kind: t.name === 'fail-above' ? 'above' : 'below', spec: t.value });
    }
  });
  const pairSeparator = v['pair-separator'] ?? ',';
  return {
    help: v.help === true,
    ...requestInput(v, rest),
    method: oneOf(v.method, METHODS, '--method'),
    maxLag: v['max-lag'] === undefined ? undefined : parseNumber(v['max-lag'], '--max-lag'),
    controls: v.controls?.split(',').filter((s) => s !== ''),
    cluster,
    alpha: v.alpha === undefined ? undefined : parseNumber(v.alpha, '--alpha'),
    output: v.output,
    pretty: v.pretty === true,
    gates: gateSpecs.map((g) => parseGate(g.kind, g.spec, pairSeparator)),
    failStat: oneOf(v['fail-stat'], GATE_STATS, '--fail-stat') ?? 'r',
  };
}

type AnalyzeOptions = ReturnType<typeof parseOptions>;

/** Flags override the request's sections. */
function applyOverrides(request: AnalyzeRequest, o: AnalyzeOptions): AnalyzeRequest {
  const r = { ...request };
  if (o.method) {
    r.correlation = { ...r.correlation, method: o.method };
  }
  if (o.maxLag !== undefined) {
    r.lags = { ...r.lags, maxLag: o.maxLag };
  }
  if (o.controls) {
    r.partial = { controls: o.controls };
  }
  if (o.cluster) {
    r.clustering = { ...r.clustering, linkage: o.cluster };
  }
  if (o.alpha !== undefined) {
    r.significance = { ...r.significance, alpha: o.alpha };
  }
  if (o.failStat === 'best-r' && !r.lags) {
    r.lags = { maxLag: 10 };
  }
  return r;
}

export type LagPairWithLead = LagPairResult & { lead: { kind: LeadKind; text: string } };
export type AnalyzeResultWithLeads = Omit<AnalyzeResult, 'lags'> & {
  lags?: Omit<LagsResult, 'pairs'> & { pairs: LagPairWithLead[] };
};

/**
 * The result with each lag pair's lead statement (`lead: {kind, text}`) from the engine's one rule, so
 * a pipeline reads "who leads" exactly as the panels say it, never from the raw best lag. Additive:
 * every field of the result stays as the engine wrote it.
 */
export function withLeadStatements(result: AnalyzeResult): AnalyzeResultWithLeads {
  const lags = result.lags;
  if (!lags) {
    return { ...result, lags: undefined };
  }
  const names = new Map(result.series.map((s) => [s.id, s.name]));
  const pairs = lags.pairs.map((pair) => {
    const { kind, text } = leadStatement(pair, {
      alpha: lags.alpha,
      stepMs: lags.stepMs,
      maxLag: lags.maxLag,
      names: (id) => names.get(id),
    });
    return { ...pair, lead: { kind, text } };
  });
  return { ...result, lags: { ...lags, pairs } };
}

/**
 * The result as the CLI writes it: lead statements added, and the JSON edge of the engine (its N x N
 * matrices, Float64Arrays inside, become arrays with null for missing).
 */
export function resultText(result: AnalyzeResult, pretty: boolean): string {
  return JSON.stringify(resultToJson(withLeadStatements(result)), null, pretty ? 2 : undefined) + '\n';
}

function run(argv: string[], { io, engine, help }: CommandContext): ExitCode {
  const o = parseOptions(argv);
  if (o.help) {
    io.stdout(help);
    return EXIT.OK;
  }
  const result = engine.analyze(applyOverrides(readRequest(o, io), o));
  // A failure here (e.g. a result too large for one string) is a defect of the tool: main maps it to exit 3.
  writeResult(resultText(result, o.pretty), o.output, io);
  const code = reportRefusal(result, io);
  if (code !== EXIT.OK) {
    return code;
  }
  return evaluateGates(result, o.gates, o.failStat, io.stderr);
}

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'run the engine on a request (JSON) or a CSV; gates for CI (the default command)',
  help: HELP,
  optionsHelp: OPTIONS_HELP,
  run,
};
