import { driftSeriesName } from '../../stats';
import { equalityMatchers, histogramMetric, histogramName, renderLegend, uniqueName } from './histogramName';

const expr = 'recsys_feature_value{namespace="recsys", model="ranker-v3", feature="session_length_seconds"}';

describe('histogramName', () => {
  it('defaults to the metric without _bucket and the kept labels, never the selector', () => {
    expect(histogramName({ expr: 'session_length_seconds_bucket', labels: {} })).toBe('session_length_seconds');
    expect(
      histogramName({ expr: 'recsys_feature_value', labels: { feature: 'age', model: 'm1' }, by: ['model', 'feature'] })
    ).toBe('recsys_feature_value m1 age');
    // Labels outside `by` (none in practice: the query sums them away) follow in name order.
    expect(histogramName({ expr: 'h', labels: { b: '2', a: '1' } })).toBe('h 1 2');
    expect(driftSeriesName(histogramName({ expr: 'session_length_seconds_bucket{job="x"}', labels: {} }), 'psi')).toBe(
      'session_length_seconds drift (psi)'
    );
  });

  it('renders a legend over the kept labels, the equality matchers and __name__', () => {
    expect(histogramName({ expr, labels: {}, legendFormat: '{{feature}} drift' })).toBe('session_length_seconds drift');
    expect(
      histogramName({
        expr: 'recsys_feature_value',
        labels: { feature: 'age' },
        by: ['feature'],
        legendFormat: '{{ feature }} ({{__name__}})',
      })
    ).toBe('age (recsys_feature_value)');
    // A kept label wins over a matcher of the same name.
    expect(histogramName({ expr: 'h{feature="a"}', labels: { feature: 'b' }, legendFormat: '{{feature}}' })).toBe('b');
    expect(driftSeriesName(histogramName({ expr, labels: {}, legendFormat: '{{feature}} drift' }), 'psi')).toBe(
      'session_length_seconds drift (psi)'
    );
  });

  it('leaves a missing or empty label as its name, as Grafana legends do', () => {
    expect(histogramName({ expr: 'h', labels: { pod: '' }, legendFormat: '{{feature}} / {{pod}}' })).toBe(
      'feature / pod'
    );
    expect(histogramName({ expr: 'h', labels: {}, legendFormat: '{{constructor}} {{__proto__}} {{toString}}' })).toBe(
      'constructor __proto__ toString'
    );
  });

  it('falls back to the default when the legend is blank', () => {
    expect(histogramName({ expr: 'h', labels: { f: 'x' }, by: ['f'], legendFormat: '   ' })).toBe('h x');
  });

  it('keeps hostile label text as text: inserted once, never re-templated, on one line', () => {
    const hostile = '<img src=x onerror=alert(1)> {{feature}}';
    expect(histogramName({ expr: 'h', labels: { feature: hostile }, legendFormat: '{{feature}}' })).toBe(hostile);
    expect(histogramName({ expr: 'h', labels: { feature: 'a\nb\u0000c' }, by: ['feature'] })).toBe('h a b c');
    expect(histogramName({ expr: 'h{feature="say \\"hi\\""}', labels: {}, legendFormat: '{{feature}}' })).toBe(
      'say "hi"'
    );
  });
});

describe('equalityMatchers', () => {
  it('reads = matchers in any quoting and ignores regex and negative ones', () => {
    expect(equalityMatchers('m{a="1", b=~"2.*", c!="3", d=\'4\', e=`5\\n`, f!~"6"}')).toEqual({
      a: '1',
      d: '4',
      e: '5\\n',
    });
    expect(equalityMatchers('m{a="x,y}z"}')).toEqual({ a: 'x,y}z' });
    expect(equalityMatchers('m')).toEqual({});
    expect(equalityMatchers('m{not a matcher}')).toEqual({});
  });
});

it('renderLegend leaves text without placeholders alone', () => {
  expect(renderLegend('p99 {latency}', { latency: 'x' })).toBe('p99 {latency}');
});

it('histogramMetric drops matchers and _bucket', () => {
  expect(histogramMetric(' x_bucket{le="1"} ')).toBe('x');
});

it('uniqueName numbers repeats by the row they become', () => {
  const taken = new Set(['a drift (psi)']);
  const row = (n: string) => driftSeriesName(n, 'psi');
  expect(uniqueName('a', taken, row)).toBe('a (2)');
  expect(uniqueName('a', taken, row)).toBe('a (3)');
  expect(taken.has('a (3) drift (psi)')).toBe(true);
});
