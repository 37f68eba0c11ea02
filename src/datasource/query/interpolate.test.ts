/** @jest-environment node */
import type { ScopedVars } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';
import { withDefaults } from './defaults';
import { interpolateQuery, promqlVariableFormat } from './interpolate';

interface Variable {
  name: string;
  current: string | string[];
  multi?: boolean;
  includeAll?: boolean;
  allValue?: string;
  options?: string[];
}

/**
 * A stand-in for Grafana's TemplateSrv with the behaviour these rules depend on: `$x`, `${x}` and
 * `[[x]]`; scoped variables first; "All" expands to every option through the format function, or to
 * the custom all value inserted as it is; unknown names stay as written.
 */
function templateSrv(variables: Variable[]): TemplateSrv {
  const replace = (text = '', scopedVars: ScopedVars = {}, format?: unknown) =>
    text.replace(/\$(\w+)|\$\{(\w+)\}|\[\[(\w+)\]\]/g, (match, a, b, c) => {
      const name = a ?? b ?? c;
      if (scopedVars[name]) {
        return String(scopedVars[name].value);
      }
      const v = variables.find((x) => x.name === name);
      if (!v) {
        return match;
      }
      const isAll = v.current === '$__all' || (Array.isArray(v.current) && v.current[0] === '$__all');
      if (isAll && v.allValue) {
        return v.allValue;
      }
      const value = isAll ? (v.options ?? []) : v.current;
      if (typeof format === 'function') {
        return format(value, v);
      }
      return Array.isArray(value) ? `{${value.join(',')}}` : value;
    });
  return { replace } as unknown as TemplateSrv;
}

const exprOf = (expr: string, variables: Variable[], scopedVars: ScopedVars = {}) =>
  interpolateQuery(
    withDefaults({ refId: 'A', signals: [{ key: 'A', expr, role: 'infra', kind: 'gauge', transform: 'none' }] }),
    templateSrv(variables),
    scopedVars
  ).signals[0].expr;

describe('template variables in expressions follow the Prometheus data source', () => {
  it('a single value with dots, colons and slashes goes in raw (regression: instance labels were regex-escaped)', () => {
    expect(exprOf('up{instance="$inst"}', [{ name: 'inst', current: '10.0.0.1:9100' }])).toBe(
      'up{instance="10.0.0.1:9100"}'
    );
    expect(exprOf('up{path="${p}"}', [{ name: 'p', current: '/api/v1/query' }])).toBe('up{path="/api/v1/query"}');
  });

  it('a single value escapes backslashes and single quotes for the string literal', () => {
    expect(promqlVariableFormat("a\\b'c", { multi: false, includeAll: false })).toBe("a\\\\b\\\\'c");
  });

  it('a multi-value becomes a regex alternation with each value regex-escaped, for =~', () => {
    const variables = [{ name: 'inst', current: ['10.0.0.1:9100', 'host-(b)'], multi: true }];
    expect(exprOf('up{instance=~"$inst"}', variables)).toBe(
      'up{instance=~"(10\\\\.0\\\\.0\\\\.1:9100|host-\\\\(b\\\\))"}'
    );
  });

  it('a multi-value with one value is that value, regex-escaped', () => {
    expect(exprOf('up{job=~"$job"}', [{ name: 'job', current: ['node.exporter'], multi: true }])).toBe(
      'up{job=~"node\\\\.exporter"}'
    );
  });

  it('a single value of an include-All variable is regex-escaped (it is meant for =~)', () => {
    expect(exprOf('up{job=~"$job"}', [{ name: 'job', current: 'a+b', includeAll: true }])).toBe('up{job=~"a\\\\+b"}');
  });

  it('All without a custom all value is every option as an alternation', () => {
    const variables = [{ name: 'job', current: '$__all', includeAll: true, multi: true, options: ['api', 'db.main'] }];
    expect(exprOf('up{job=~"$job"}', variables)).toBe('up{job=~"(api|db\\\\.main)"}');
  });

  it('All with a custom all value inserts it as written', () => {
    const variables = [
      { name: 'job', current: '$__all', includeAll: true, multi: true, allValue: '.*', options: ['api'] },
    ];
    expect(exprOf('up{job=~"$job"}', variables)).toBe('up{job=~".*"}');
  });

  it('$__rate_interval, $__interval and $__range reach the source data source untouched (it runs on our grid)', () => {
    const scoped: ScopedVars = {
      __interval: { text: '15s', value: '15s' },
      __rate_interval: { text: '1m', value: '1m' },
      __range: { text: '1h', value: '1h' },
      pod: { text: 'ranker-1', value: 'ranker-1' },
    };
    expect(
      exprOf('rate(x{pod="$pod"}[$__rate_interval]) + rate(x[$__interval]) + increase(x[$__range])', [], scoped)
    ).toBe('rate(x{pod="ranker-1"}[$__rate_interval]) + rate(x[$__interval]) + increase(x[$__range])');
  });
});
