/**
 * Recording rules over the backfilled history. Prometheus evaluates rules only from the moment it
 * loads them, so without this the demo's correlation rules (a 30 min window of recorded series) would
 * have nothing to say until half an hour after the start. `promtool tsdb create-blocks-from rules`
 * evaluates recording rules over a past range through a running Prometheus's query API; it cannot see
 * what it is writing, so rules that read other recorded series (r reads a, b and a·b) go in a later
 * pass, after the earlier pass's blocks are in the data directory. Alerting rules are not backfilled
 * (promtool skips them): alerts fire on live data only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { DemoCleanup } from './cleanup';
import { Daemon, run } from './processes';

interface RuleGroup {
  name: string;
  interval?: string;
  rules: Array<{ record?: string; alert?: string; expr: string }>;
}

/** Recording rules of a rule file in passes: each pass reads only raw series and earlier passes' records. */
export function recordingPasses(ruleFileText: string): RuleGroup[][] {
  const groups = (parse(ruleFileText) as { groups: RuleGroup[] }).groups;
  const records = groups.flatMap((g) => g.rules.flatMap((r) => (r.record ? [r.record] : [])));
  const reads = (expr: string, name: string) =>
    new RegExp(`${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w:])`).test(expr);
  const depth = new Map<string, number>();
  const depthOf = (record: string, seen: string[] = []): number => {
    if (!depth.has(record)) {
      const rule = groups.flatMap((g) => g.rules).find((r) => r.record === record)!;
      const inputs = records.filter((other) => other !== record && !seen.includes(other) && reads(rule.expr, other));
      depth.set(record, inputs.length ? 1 + Math.max(...inputs.map((i) => depthOf(i, [...seen, record]))) : 0);
    }
    return depth.get(record)!;
  };
  const last = Math.max(-1, ...records.map((r) => depthOf(r)));
  return Array.from({ length: last + 1 }, (_, d) =>
    groups
      .map((g) => ({ ...g, rules: g.rules.filter((r) => r.record !== undefined && depth.get(r.record) === d) }))
      .filter((g) => g.rules.length > 0)
  );
}

/**
 * promtool's block size for rule backfills: the largest it offers (3^9 × 2 h, about 4.5 years; block
 * ends on multiples of it from the epoch, the next 2028-05-19 06:00 UTC), so each rule is one range
 * query (Prometheus answers up to 11,000 points: 45 h at a 15 s step). With the default 2 h blocks,
 * each block's query ends at the block's last whole second, so a group that evaluates in the last
 * second of its step (1 group in 15 at 15 s, by the hash of its name) loses that evaluation at every
 * block end (Prometheus 2.42, still so upstream): a, b and a·b each miss a sample every 2 h, and each
 * window holding the gap reads r from one sample fewer.
 */
export const PROMTOOL_RULE_BLOCKS = '--max-block-duration=100000h';

export interface RuleBackfillOptions {
  cleanup: DemoCleanup;
  ruleFile: string;
  /** Prometheus's data directory; the new blocks are moved into it. */
  data: string;
  /** Range to evaluate (ms). */
  start: number;
  end: number;
  /** Starts a Prometheus without rules on `data`; stopped after each pass so the next one sees the new blocks. */
  startPrometheus: () => Promise<{ url: string; daemon: Daemon }>;
  check: () => void;
  log: (line: string) => void;
}

export async function backfillRecordingRules(o: RuleBackfillOptions): Promise<void> {
  const passes = recordingPasses(fs.readFileSync(o.ruleFile, 'utf8'));
  const work = fs.mkdtempSync(path.join(o.cleanup.dir, 'rules-'));
  for (const [i, groups] of passes.entries()) {
    const file = path.join(work, `pass-${i}.yml`);
    fs.writeFileSync(file, stringify({ groups }));
    const out = path.join(work, `blocks-${i}`);
    o.log(
      `recording rules over history, pass ${i + 1}/${passes.length}: ${groups.flatMap((g) => g.rules).length} rules`
    );
    const { url, daemon } = await o.startPrometheus();
    try {
      await run(o.cleanup, 'promtool', [
        'tsdb',
        'create-blocks-from',
        'rules',
        '--quiet',
        `--url=${url}`,
        `--start=${Math.floor(o.start / 1000)}`,
        `--end=${Math.floor(o.end / 1000)}`,
        `--output-dir=${out}`,
        PROMTOOL_RULE_BLOCKS,
        file,
      ]);
    } finally {
      await daemon.stop();
    }
    o.check();
    for (const block of fs.existsSync(out) ? fs.readdirSync(out) : []) {
      if (fs.existsSync(path.join(out, block, 'meta.json'))) {
        fs.renameSync(path.join(out, block), path.join(o.data, block));
      }
    }
  }
  fs.rmSync(work, { recursive: true, force: true });
}
