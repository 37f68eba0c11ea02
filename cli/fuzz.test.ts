/** @jest-environment node */
import fc from 'fast-check';
import type { AnalyzeResultJson } from '../src/stats';
import { EXIT } from './exitCodes';
import { main } from './main';
import { memoryIO, type MemoryIO } from './memoryIO';

/**
 * Hostile and careless input never crashes the CLI: whatever the CSV, JSON or gate text, the exit code is
 * 0, 1 or 2 (3 would be a defect), bad input says why on stderr, an accepted run prints one JSON result,
 * and on well-formed tables the gate's verdict agrees with the result it printed.
 * Fixed seed and bounded runs so CI is repeatable.
 */
const FUZZ = { seed: 20261125, numRuns: 200 };

/** r of the pair (a, b) as the printed JSON has it: null when missing or when there is no such pair. */
function printedR(out: string, a: string, b: string): number | null {
  const c = (JSON.parse(out) as AnalyzeResultJson).correlation;
  const i = c ? c.ids.indexOf(a) : -1;
  const j = c ? c.ids.indexOf(b) : -1;
  return c && i >= 0 && j >= 0 ? c.r[i * c.ids.length + j] : null;
}

const hostileCell = fc.oneof(
  fc.constantFrom('', ' ', 'NaN', 'Infinity', '-1e308', '1e-320', '"a,b"', '"x""y"', '"', 'constructor', '__proto__'),
  fc.constantFrom('2026-01-01T00:00:00', '2026-01-01T00:01:00Z', '2026-02-30', '06/01/2026'),
  fc.double().map(String),
  fc.string({ maxLength: 6 })
);
const hostileCsv = fc
  .array(fc.array(hostileCell, { minLength: 1, maxLength: 4 }), { maxLength: 8 })
  .chain((rows) => fc.constantFrom('\n', '\r\n').map((eol) => rows.map((r) => r.join(',')).join(eol)));
const hostileGate = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('a,b=', 'a,b=NaN', 'ab=1', 'time,a=0.5', 'a,b= ')
);

/** A table `time,a,b` with numeric cells (some empty), one row a minute. */
const table = fc
  .array(
    fc.tuple(
      fc.option(fc.integer({ min: -50, max: 50 }), { freq: 8 }),
      fc.option(fc.integer({ min: -50, max: 50 }), { freq: 8 })
    ),
    {
      minLength: 1,
      maxLength: 20,
    }
  )
  .map((rows) => ['time,a,b', ...rows.map(([a, b], i) => `${i * 60000},${a ?? ''},${b ?? ''}`)].join('\n'));

function check(code: number, x: MemoryIO): void {
  expect([EXIT.OK, EXIT.GATE_CROSSED, EXIT.BAD_INPUT]).toContain(code);
  if (code === EXIT.BAD_INPUT) {
    expect(x.err).toMatch(/^infradrift: /);
  } else {
    expect(() => JSON.parse(x.out)).not.toThrow();
  }
}

describe('CLI fuzz', () => {
  it('hostile CSV and gates: exit 0, 1 or 2, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(hostileCsv, fc.array(hostileGate, { maxLength: 2 }), async (text, gates) => {
        const x = memoryIO(text);
        check(await main(['--format', 'csv', ...gates.flatMap((g) => ['--fail-above', g])], x), x);
      }),
      FUZZ
    );
  });

  it('well-formed tables: the gate verdict agrees with the printed result', async () => {
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(table, fc.integer({ min: -10, max: 10 }), async (text, t10) => {
        const threshold = t10 / 10;
        const x = memoryIO(text);
        const code = await main(['--format', 'csv', '--fail-above', `a,b=${threshold}`], x);
        seen.add(code);
        check(code, x);
        const r = printedR(x.out, 'a', 'b');
        expect(code).toBe(r === null ? EXIT.BAD_INPUT : r > threshold ? EXIT.GATE_CROSSED : EXIT.OK);
      }),
      FUZZ
    );
    // The generator reaches every verdict.
    expect(seen).toEqual(new Set([EXIT.OK, EXIT.GATE_CROSSED, EXIT.BAD_INPUT]));
  });

  it('random JSON values as requests: exit 0, 1 or 2, never a crash', async () => {
    const request = fc.oneof(
      fc.jsonValue(),
      fc.record({
        version: fc.oneof(fc.constant(1), fc.jsonValue()),
        series: fc.array(
          fc.record({
            id: fc.string({ maxLength: 4 }),
            values: fc.array(fc.oneof(fc.double(), fc.constant(null)), { maxLength: 6 }),
          }),
          { maxLength: 3 }
        ),
      })
    );
    await fc.assert(
      fc.asyncProperty(request, async (req) => {
        const x = memoryIO(JSON.stringify(req));
        check(await main([], x), x);
      }),
      FUZZ
    );
  });
});
