/**
 * Run by lagSumsWasm.test.ts as `node --experimental-wasm-relaxed-simd -r tsx/cjs <this file>` (jest cannot
 * pass V8 flags to its own process): the kernel Node then picks and the cases where its lag sums differ from
 * the JavaScript ones, as JSON on stdout.
 */
import { gramKernel } from '../../correlation/wasm/gramKernel';
import { lagCases, lagSumsMismatches } from './lagSumsAgreement';

const kernel = gramKernel();
const cases = lagCases(300, 11);
process.stdout.write(
  JSON.stringify({
    kernel: kernel.name,
    cases: cases.length,
    mismatches: kernel.exports ? lagSumsMismatches(kernel.exports, cases) : null,
  })
);
