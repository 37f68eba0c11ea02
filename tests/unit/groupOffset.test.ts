/**
 * @jest-environment node
 *
 * The XXH64 behind the rule-group placement, against published digests (seed 0): the xxHash
 * reference's "", "a", "abc" and python-xxhash's documented example (39 bytes, the 32-byte stripes).
 * That the placement is Prometheus' own is checked against a real Prometheus in
 * tests/integration/alerting.prometheus.test.ts.
 */
import { xxhash64 } from '../support/groupOffset';

it.each([
  ['', 'ef46db3751d8e999'],
  ['a', 'd24ec4f1a98c6e5b'],
  ['abc', '44bc2cf5ad770999'],
  ['Nobody inspects the spammish repetition', 'fbcea83c8a378bf1'],
])('xxhash64(%j) = %s', (text, digest) => {
  expect(xxhash64(Buffer.from(text)).toString(16).padStart(16, '0')).toBe(digest);
});
