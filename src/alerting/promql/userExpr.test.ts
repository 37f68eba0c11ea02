/** @jest-environment node */
import { AlertInputError } from '../problems';
import { durationLiteral, labelName, numberLiteral, parseDuration, stringLiteral } from './literals';
import { checkedExpression, formatSelector, parseSelector } from './userExpr';

describe('checkedExpression', () => {
  it.each([
    ['x) or vector(1) or (y', /unbalanced "\)"/],
    ['sum(rate(x[5m])', /1 unclosed/],
    ['x{a="b}', /unterminated string/],
    ['   # only a comment', /is empty/],
    ['x{a="\ud800"}', /unpaired surrogate/],
  ])('refuses %j', (expr, message) => {
    expect(() => checkedExpression(expr)).toThrow(message);
  });

  it('keeps brackets inside strings and removes comments that would swallow a closing parenthesis', () => {
    expect(checkedExpression('x{a=")]}"} # trailing note')).toBe('x{a=")]}"}');
    expect(checkedExpression("sum(x{a='(\\''}) # c\n+ y")).toBe("sum(x{a='(\\''}) \n+ y");
    expect(checkedExpression('x{a=`raw\\`} + 1')).toBe('x{a=`raw\\`} + 1');
  });
});

describe('selectors', () => {
  it('reads matchers with escapes and writes them back escaped', () => {
    const s = parseSelector('m_bucket{job="a\\"b", path=~\'/x\\n.*\', env!=`c"d`}');
    expect(s).toEqual({
      metric: 'm_bucket',
      matchers: [
        { label: 'job', op: '=', value: 'a"b' },
        { label: 'path', op: '=~', value: '/x\n.*' },
        { label: 'env', op: '!=', value: 'c"d' },
      ],
    });
    expect(formatSelector(s)).toBe('m_bucket{job="a\\"b", path=~"/x\\n.*", env!="c\\"d"}');
  });

  it.each(['rate(x[5m])', 'x[5m]', 'x offset 1m', '{job="a"}', 'x{job="a"} or y', 'x{job=a}', 'x{1a="b"}'])(
    'refuses %j',
    (text) => {
      expect(() => parseSelector(text)).toThrow(AlertInputError);
    }
  );
});

describe('literals', () => {
  it('escapes a hostile value into one string literal', () => {
    expect(stringLiteral('q"}{{x}}\\\n')).toBe('"q\\"}{{x}}\\\\\\n"');
  });

  it('refuses label names PromQL cannot carry or reserves', () => {
    expect(() => labelName('a-b')).toThrow(/not a valid/);
    expect(() => labelName('__name__')).toThrow(/reserves/);
    expect(labelName('pod_2')).toBe('pod_2');
  });

  it('writes numbers that parse back to the same double and durations in units', () => {
    expect(numberLiteral(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(numberLiteral(-2)).toBe('(-2)');
    expect(() => numberLiteral(NaN)).toThrow(/finite/);
    expect(durationLiteral(5400)).toBe('1h30m');
    expect(durationLiteral(0.25)).toBe('250ms');
    expect(() => durationLiteral(0)).toThrow(/positive/);
    expect(parseDuration('1h30m')).toBe(5400);
    expect(parseDuration('90')).toBe(90);
    expect(() => parseDuration('5 minutes')).toThrow(/not a duration/);
  });
});
