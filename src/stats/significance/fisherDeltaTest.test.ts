/** @jest-environment node */
// Fisher's z of a change of r against 50-digit values: scripts/reference/compare_fixtures.py
// (fixtures/reference/compare/fisher_z.json).
import * as fs from 'fs';
import * as path from 'path';
import { fisherDeltaTest, fisherDeltaZ, fisherDeltaZs } from './fisherDeltaTest';

const fixture: { cases: Array<{ rBefore: number; nBefore: number; rAfter: number; nAfter: number; z: number }> } =
  JSON.parse(
    fs.readFileSync(path.join(__dirname, '..', '..', '..', 'fixtures', 'reference', 'compare', 'fisher_z.json'), 'utf8')
  );

it('is within 1e-14 of the 50-digit z, close pairs and pairs near ±1 included', () => {
  expect(fixture.cases.length).toBe(400);
  for (const c of fixture.cases) {
    const z = fisherDeltaZ(c.rBefore, c.nBefore, c.rAfter, c.nAfter);
    const scale = Math.max(Math.abs(c.z), 1e-300);
    expect(Math.abs(z - c.z) / scale).toBeLessThanOrEqual(1e-14);
  }
});

it('has no test without two r or with 3 or fewer effective points, and keeps the sign of the change', () => {
  expect(fisherDeltaZ(NaN, 50, 0.3, 50)).toBeNaN();
  expect(fisherDeltaZ(0.1, 3, 0.3, 50)).toBeNaN();
  expect(fisherDeltaZ(0.1, 50, 0.3, 3)).toBeNaN();
  expect(fisherDeltaZ(0.1, 50, 0.3, 50)).toBeGreaterThan(0);
  expect(fisherDeltaZ(0.3, 50, 0.1, 50)).toBeLessThan(0);
  expect(fisherDeltaZ(0.2, 50, 0.2, 50)).toBe(0);
  // |r| = 1 is pulled inside: a finite z, the strongest change there is.
  expect(Number.isFinite(fisherDeltaTest(-1, 100, 1, 100).z)).toBe(true);
});

it('fisherDeltaZs gives every pair fisherDeltaZ itself', () => {
  const cases = fixture.cases.slice(0, 50);
  const col = (f: (c: (typeof cases)[number]) => number) => Float64Array.from(cases, f);
  const z = fisherDeltaZs(
    col((c) => c.rBefore),
    col((c) => c.nBefore),
    col((c) => c.rAfter),
    col((c) => (c.nAfter > 10 ? c.nAfter : 2)),
    new Float64Array(cases.length)
  );
  cases.forEach((c, k) =>
    expect(Object.is(z[k], fisherDeltaZ(c.rBefore, c.nBefore, c.rAfter, c.nAfter > 10 ? c.nAfter : 2))).toBe(true)
  );
});
