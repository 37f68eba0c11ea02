/**
 * Names derived from a rule's free-text name, following Prometheus conventions: recorded series
 * `infradrift:<rule>:<quantity>` (level:metric:operation), alert names in CamelCase (alert names must
 * be valid metric names in Prometheus 2.x), Grafana uids of at most 40 characters.
 */
import { AlertInputError } from './problems';
import { wellFormed } from './promql/literals';

const PREFIX = 'infradrift';
const MAX_SLUG = 80;
const GRAFANA_UID_MAX = 40;

/** Lower-case identifier from a name: `Cache miss vs drift (user_ctr_7d)` → `cache_miss_vs_drift_user_ctr_7d`. */
export function slug(name: string): string {
  const s = wellFormed(name, 'rule name')
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/_$/, '');
  if (!s) {
    throw new AlertInputError(`rule name ${JSON.stringify(name)} has no letters or digits to name its series with`);
  }
  return /^[0-9]/.test(s) ? `r_${s}` : s;
}

export interface RuleNames {
  slug: string;
  group: string;
  alert: string;
  record: (quantity: string) => string;
  grafanaUid: string;
}

/** FNV-1a, enough to keep shortened uids distinct. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

export function ruleNames(name: string, kind: 'correlation' | 'drift'): RuleNames {
  const s = slug(name);
  const camel = s
    .split('_')
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
  const uid = `${PREFIX}-${s.replace(/_/g, '-')}`;
  return {
    slug: s,
    group: `${PREFIX}:${s}`,
    alert: `InfraDrift${kind === 'correlation' ? 'Correlation' : 'Drift'}${camel}`,
    record: (quantity) => `${PREFIX}:${s}:${quantity}`,
    grafanaUid:
      uid.length <= GRAFANA_UID_MAX ? uid : `${uid.slice(0, GRAFANA_UID_MAX - 8)}-${shortHash(s).slice(0, 7)}`,
  };
}
