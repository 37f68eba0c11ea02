/** @jest-environment node */
import { analyze } from '../src/stats';
import { BadInputError, EXIT } from './exitCodes';
import { evaluateGates, parseGate } from './gates';

describe('parseGate', () => {
  it('reads A,B=X and splits the pair at the last =', () => {
    expect(parseGate('above', 'cpu,lat=0.8', ',')).toEqual({
      kind: 'above',
      a: 'cpu',
      b: 'lat',
      threshold: 0.8,
      spec: 'cpu,lat=0.8',
    });
    expect(parseGate('below', 'x=1|y=2=-0.5', '|')).toMatchObject({ a: 'x=1', b: 'y=2', threshold: -0.5 });
  });
  it.each([
    ['empty threshold', 'a,b='],
    ['blank threshold', 'a,b= '],
    ['non-numeric threshold', 'a,b=high'],
    ['NaN threshold', 'a,b=NaN'],
    ['infinite threshold', 'a,b=Infinity'],
    ['missing pair separator', 'ab=0.5'],
    ['missing second series', 'a,=0.5'],
    ['missing =', 'a,b'],
  ])('--fail-above with %s is bad input, not a gate at 0', (_, spec) => {
    expect(() => parseGate('above', spec, ',')).toThrow(BadInputError);
  });
});

describe('evaluateGates', () => {
  const t = [0, 1000, 2000, 3000, 4000, 5000];
  const result = analyze({
    version: 1,
    series: [
      { id: 'a', timestamps: t, values: [1, 2, 3, 4, 5, 7] },
      { id: 'b', timestamps: t, values: [2, 4, 6, 8, 10, 14] },
    ],
  });
  it('a crossed gate is 1, an uncrossed one 0, a gate on an unknown series 2 (the worst wins)', () => {
    const err: string[] = [];
    const push = (s: string) => err.push(s);
    expect(evaluateGates(result, [parseGate('above', 'a,b=0.5', ',')], 'r', push)).toBe(EXIT.GATE_CROSSED);
    expect(evaluateGates(result, [parseGate('below', 'a,b=0.5', ',')], 'r', push)).toBe(EXIT.OK);
    expect(
      evaluateGates(result, [parseGate('above', 'a,b=0.5', ','), parseGate('above', 'a,zz=0.5', ',')], 'r', push)
    ).toBe(EXIT.BAD_INPUT);
    expect(err.join('')).toContain("unknown series 'zz' (known: a, b)");
  });
});
