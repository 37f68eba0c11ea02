import { promqlVariableFormat } from './grafanaLookups';

describe('dashboard variables written into PromQL', () => {
  it('writes a single value as is, and several as an escaped regex alternation', () => {
    expect(promqlVariableFormat('api')).toBe('api');
    expect(promqlVariableFormat(['a.b'])).toBe('a\\\\.b');
    expect(promqlVariableFormat(['api', 'web(1)'])).toBe('(api|web\\\\(1\\\\))');
  });
});
