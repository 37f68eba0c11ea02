/** @jest-environment node */
import { analyze } from '../src/stats';
import { EXIT, exitCodeOfResult } from './exitCodes';

const ok = {
  version: 1,
  series: [
    { id: 'a', values: [1, 2, 3, 5] },
    { id: 'b', values: [2, 1, 4, 3] },
  ],
};

describe('exitCodeOfResult', () => {
  it('maps the engine outcome: accepted 0, refused 2, internal error 3', () => {
    expect(exitCodeOfResult(analyze(ok))).toBe(EXIT.OK);
    expect(exitCodeOfResult(analyze({}))).toBe(EXIT.BAD_INPUT);
    expect(exitCodeOfResult(analyze({ ...ok, version: 2 }))).toBe(EXIT.BAD_INPUT);
    expect(exitCodeOfResult(analyze({ ...ok, correlation: { method: 'nope' } }))).toBe(EXIT.BAD_INPUT);
    const broken = analyze(ok);
    broken.warnings.push({ code: 'INTERNAL_ERROR', message: 'x' });
    expect(exitCodeOfResult(broken)).toBe(EXIT.INTERNAL);
  });
  it('warnings the engine handles on its own (e.g. a missing version with usable series) stay exit 0', () => {
    expect(exitCodeOfResult(analyze({ series: ok.series }))).toBe(EXIT.OK);
  });
});
