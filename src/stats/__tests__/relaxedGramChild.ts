/**
 * Run by gramKernelRelaxed.test.ts as `node --experimental-wasm-relaxed-simd -r tsx/cjs <this file>` (jest
 * cannot pass V8 flags to its own process): the kernel Node then picks and how it agrees with the JS
 * kernel, as JSON on stdout.
 */
import { gramKernel, hasRelaxedSimd } from '../correlation/wasm/gramKernel';
import { AWKWARD_SHAPES, gramAgreement, pearsonWithGapsAgreement } from './gramAgreement';

const kernel = gramKernel();
const random = Array.from({ length: 40 }, (_, k) => [1 + ((k * 7) % 19), 1 + ((k * 13) % 67)] as [number, number]);
const agreements = kernel.exports
  ? [...AWKWARD_SHAPES, ...random].map(([rows, len], k) => gramAgreement(kernel.exports, rows, len, k + 1))
  : [];
process.stdout.write(
  JSON.stringify({
    relaxedSimd: hasRelaxedSimd(),
    kernel: kernel.name,
    agreements,
    pearsonWithGaps: pearsonWithGapsAgreement(),
  })
);
