import { buildChecklist, classifySignal, GROUP_ORDER, rowStatus } from './checklist';
import { cacheLink, handBuiltCompare } from './testing/handBuiltCompare';

describe('classifySignal', () => {
  it.each([
    ['session_len drift (psi)', 'data'],
    ['recsys_feature_value{feature="age"} drift (ks)', 'data'],
    ['model score drift (psi)', 'predictions'],
    ['accuracy', 'predictions'],
    ['conversion rate', 'predictions'],
    ['inference timeouts', 'dependencies'],
    ['http 5xx errors', 'dependencies'],
    ['latency p99', 'dependencies'],
    ['cpu throttling pod-1', 'resources'],
    ['memory pod-1', 'resources'],
    ['gpu_temperature', 'resources'],
    ['cache miss ratio', 'resources'],
    ['request rate', 'other'],
  ])('%s → %s', (name, group) => {
    expect(classifySignal(name)).toBe(group);
  });

  it('reads the expression when the name says nothing', () => {
    expect(classifySignal('pod-1', 'container_memory_working_set_bytes')).toBe('resources');
  });
});

describe('rowStatus', () => {
  const compare = handBuiltCompare();
  const verdict = compare.verdicts[0];
  const [cache, accuracy, requests] = compare.signals;

  it('fails a named signal and a changed target; passes a quiet one', () => {
    expect(rowStatus(cache, cacheLink(), verdict, 0.05)).toBe('fail');
    expect(rowStatus(accuracy, undefined, verdict, 0.05)).toBe('fail');
    expect(rowStatus({ ...accuracy, q: 0.5 }, undefined, verdict, 0.05)).toBe('pass');
    expect(rowStatus(requests, { ...cacheLink(), qIncident: 0.7 }, verdict, 0.05)).toBe('pass');
  });

  it('asks to investigate what changed without a link, or moves with the target without changing', () => {
    const other = { ...cache, id: 'gpu' };
    expect(rowStatus(other, { ...cacheLink(), qIncident: 0.5 }, verdict, 0.05)).toBe('investigate');
    expect(rowStatus({ ...other, q: 0.5 }, cacheLink(), verdict, 0.05)).toBe('investigate');
    expect(rowStatus({ ...other, q: null }, cacheLink(), verdict, 0.05)).toBe('unknown');
  });
});

describe('buildChecklist', () => {
  it('lays every signal out in triage order, empty groups kept', () => {
    const compare = handBuiltCompare();
    const sections = buildChecklist(compare, compare.verdicts[0]);
    expect(sections.map((s) => s.group)).toEqual(GROUP_ORDER);
    const where = Object.fromEntries(sections.flatMap((s) => s.rows.map((r) => [r.name, `${s.group}:${r.status}`])));
    expect(where).toEqual({
      'cache miss ratio': 'resources:fail',
      accuracy: 'predictions:fail',
      'request rate': 'other:pass',
    });
    expect(sections.find((s) => s.group === 'data')!.rows).toEqual([]);
  });
});
