/**
 * A structural check of a Grafana alerting provisioning file, after Grafana's own file format
 * (pkg/services/provisioning/alerting/rules_types.go) and what its rule validation refuses: required
 * fields, data source uids that exist (provisioned), expression nodes whose inputs are refIds of the
 * same rule, a condition that names one of them, durations Grafana parses. Returns messages; empty
 * means valid. Written apart from src/alerting so the check does not share the generator's mistakes.
 */

const EXPR = '__expr__';
const DURATION = /^(\d+(ms|s|m|h|d|w|y))+$/;
const UID = /^[a-zA-Z0-9\-_]{1,40}$/;
const EXPRESSION_TYPES: Record<string, (model: any) => string[]> = {
  reduce: (m) => [m.expression],
  threshold: (m) => [m.expression],
  math: (m) => [...String(m.expression ?? '').matchAll(/\$\{?([A-Za-z0-9_]+)\}?/g)].map((x) => x[1]),
  resample: (m) => [m.expression],
  classic_conditions: (m) => (m.conditions ?? []).map((c: any) => c?.query?.params?.[0]),
};
const REDUCERS = new Set(['last', 'mean', 'min', 'max', 'sum', 'count', 'median']);
const THRESHOLD_TYPES = new Set([
  'gt',
  'lt',
  'eq',
  'ne',
  'gte',
  'lte',
  'within_range',
  'outside_range',
  'within_range_included',
  'outside_range_included',
]);

export function validateGrafanaAlerting(doc: any, datasourceUids: Set<string>): string[] {
  const errors: string[] = [];
  const err = (where: string, what: string) => errors.push(`${where}: ${what}`);
  if (doc?.apiVersion !== 1) {
    err('file', 'apiVersion must be 1');
  }
  if (!Array.isArray(doc?.groups) || doc.groups.length === 0) {
    err('file', 'groups must be a non-empty list');
    return errors;
  }
  const uids = new Set<string>();
  const groupKeys = new Set<string>();
  for (const [gi, g] of doc.groups.entries()) {
    const gw = `groups[${gi}] ${g?.name ?? ''}`;
    for (const field of ['name', 'folder', 'interval']) {
      if (typeof g?.[field] !== 'string' || !g[field]) {
        err(gw, `${field} is required`);
      }
    }
    if (!Number.isInteger(g?.orgId) || g.orgId < 1) {
      err(gw, 'orgId must be a positive integer');
    }
    if (typeof g?.interval === 'string' && (!DURATION.test(g.interval) || seconds(g.interval) % 10 !== 0)) {
      err(gw, `interval ${g.interval} must be a duration that is a multiple of 10s`);
    }
    const key = `${g?.orgId}/${g?.folder}/${g?.name}`;
    if (groupKeys.has(key)) {
      err(gw, 'duplicate group in the same folder');
    }
    groupKeys.add(key);
    if (!Array.isArray(g?.rules) || g.rules.length === 0) {
      err(gw, 'rules must be a non-empty list');
      continue;
    }
    for (const [ri, r] of g.rules.entries()) {
      const rw = `${gw} rules[${ri}] ${r?.title ?? ''}`;
      if (typeof r?.uid !== 'string' || !UID.test(r.uid)) {
        err(rw, `uid ${JSON.stringify(r?.uid)} must be 1-40 characters of [a-zA-Z0-9-_]`);
      } else if (uids.has(r.uid)) {
        err(rw, `duplicate uid ${r.uid}`);
      }
      uids.add(r?.uid);
      if (typeof r?.title !== 'string' || !r.title.trim() || r.title.length > 190) {
        err(rw, 'title is required (at most 190 characters)');
      }
      if (typeof r?.for === 'string' && !DURATION.test(r.for)) {
        err(rw, `for ${r.for} is not a duration`);
      }
      if (!['OK', 'NoData', 'Alerting', 'KeepLast'].includes(r?.noDataState)) {
        err(rw, `noDataState ${r?.noDataState} is not one of OK, NoData, Alerting, KeepLast`);
      }
      if (!['OK', 'Error', 'Alerting', 'KeepLast'].includes(r?.execErrState)) {
        err(rw, `execErrState ${r?.execErrState} is not one of OK, Error, Alerting, KeepLast`);
      }
      for (const map of ['labels', 'annotations']) {
        if (
          r?.[map] !== undefined &&
          (typeof r[map] !== 'object' || Object.values(r[map]).some((v) => typeof v !== 'string'))
        ) {
          err(rw, `${map} must map names to strings`);
        }
      }
      errors.push(...validateData(rw, r, datasourceUids));
    }
  }
  return errors;
}

function seconds(duration: string): number {
  const size: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800, y: 31536000 };
  return [...duration.matchAll(/(\d+)(ms|s|m|h|d|w|y)/g)].reduce((t, m) => t + Number(m[1]) * size[m[2]], 0);
}

function validateData(rw: string, r: any, datasourceUids: Set<string>): string[] {
  const errors: string[] = [];
  const err = (what: string) => errors.push(`${rw}: ${what}`);
  if (!Array.isArray(r?.data) || r.data.length === 0) {
    err('data must be a non-empty list');
    return errors;
  }
  const refIds = new Set<string>();
  for (const q of r.data) {
    if (typeof q?.refId !== 'string' || !q.refId) {
      err('every data entry needs a refId');
      continue;
    }
    if (refIds.has(q.refId)) {
      err(`duplicate refId ${q.refId}`);
    }
    refIds.add(q.refId);
    if (q.model?.refId !== undefined && q.model.refId !== q.refId) {
      err(`${q.refId}: model.refId ${q.model.refId} differs`);
    }
    const range = q.relativeTimeRange;
    if (!range || !Number.isFinite(range.from) || !Number.isFinite(range.to) || range.from < range.to) {
      err(`${q.refId}: relativeTimeRange needs from >= to (seconds before now)`);
    }
  }
  for (const q of r.data) {
    const where = `${rw}: ${q?.refId}`;
    if (q?.datasourceUid === EXPR) {
      const inputs = EXPRESSION_TYPES[q.model?.type];
      if (!inputs) {
        errors.push(`${where}: unknown expression type ${q.model?.type}`);
        continue;
      }
      for (const input of inputs(q.model)) {
        if (!input || !refIds.has(input) || input === q.refId) {
          errors.push(`${where}: expression input ${JSON.stringify(input)} is not another refId of this rule`);
        }
      }
      if (q.model.type === 'reduce' && !REDUCERS.has(q.model.reducer)) {
        errors.push(`${where}: reducer ${q.model.reducer} is unknown`);
      }
      if (q.model.type === 'threshold') {
        const c = q.model.conditions;
        const ev = c?.[0]?.evaluator;
        const params = ev?.type?.includes('range') ? 2 : 1;
        if (
          !Array.isArray(c) ||
          c.length !== 1 ||
          !THRESHOLD_TYPES.has(ev?.type) ||
          !Array.isArray(ev.params) ||
          ev.params.length < params ||
          ev.params.some((p: unknown) => typeof p !== 'number')
        ) {
          errors.push(`${where}: threshold needs exactly one condition with a known evaluator and ${params} number(s)`);
        }
      }
    } else {
      if (!datasourceUids.has(q?.datasourceUid)) {
        errors.push(`${where}: data source uid ${JSON.stringify(q?.datasourceUid)} is not provisioned`);
      }
      if (typeof q?.model?.expr !== 'string' || !q.model.expr.trim()) {
        errors.push(`${where}: a Prometheus query needs model.expr`);
      }
    }
  }
  if (!refIds.has(r.condition)) {
    err(`condition ${JSON.stringify(r?.condition)} is not a refId of this rule`);
  } else if (r.data.find((q: any) => q.refId === r.condition)?.datasourceUid !== EXPR) {
    err('the condition should be an expression (threshold), not a raw query');
  }
  return errors;
}
