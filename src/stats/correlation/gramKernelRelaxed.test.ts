/** @jest-environment node */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { expectAgrees, type GramAgreement } from '../__tests__/gramAgreement';

const ROOT = path.resolve(__dirname, '../../..');
const CHILD = path.join(__dirname, '../__tests__/relaxedGramChild.ts');

interface ChildReport {
  relaxedSimd: boolean;
  kernel: string | null;
  agreements: GramAgreement[];
  pearsonWithGaps: number;
}

/**
 * The relaxed-SIMD (fused multiply-add) build, as Chromium runs it by default. Node 20 has relaxed SIMD
 * only behind a V8 flag that jest cannot give its own process, so a child Node runs the comparisons.
 */
describe('the relaxed-SIMD kernel under node --experimental-wasm-relaxed-simd', () => {
  let report: ChildReport;
  beforeAll(() => {
    const run = spawnSync(process.execPath, ['--experimental-wasm-relaxed-simd', '-r', 'tsx/cjs', CHILD], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (run.status !== 0) {
      throw new Error(`child failed: ${run.stderr}`);
    }
    report = JSON.parse(run.stdout) as ChildReport;
  }, 60_000);

  it('is the kernel Node picks once relaxed SIMD validates', () => {
    expect(report.relaxedSimd).toBe(true);
    expect(report.kernel).toBe('relaxed-simd');
  });

  it('equals the JS kernel to 1e-12 on awkward and random shapes', () => {
    expect(report.agreements.length).toBeGreaterThan(40);
    report.agreements.forEach(expectAgrees);
  });

  it('leaves series with missing values and constant series to the pairwise path, as the SIMD build does', () => {
    expect(report.pearsonWithGaps).toBeLessThanOrEqual(1e-12);
  });
});
