/**
 * Timestamps from text. An ISO 8601 date-time without a zone is read as UTC: `Date.parse` would read it in
 * the machine's zone, so the same file would give different grids on a laptop and on a CI runner, and the
 * times Grafana shows and exports for Prometheus data are UTC unless a dashboard says otherwise.
 */
import { BadInputError } from './exitCodes';

export type TimeUnit = 'ms' | 's';

// YYYY-MM-DD, optionally [T| ]HH:MM[:SS[.fff]], optionally Z or +HH:MM / +HHMM / +HH.
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Milliseconds since the epoch of an ISO 8601 date or date-time (UTC when it has no zone); null when not ISO. */
export function parseIsoUtc(text: string): number | null {
  const m = ISO.exec(text.trim());
  if (!m) {
    return null;
  }
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone = 'Z'] = m;
  const ms = Number((frac + '000').slice(0, 3));
  const t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  const back = new Date(t);
  // Date.UTC rolls 2026-02-30 over to March; such a date is a typo, not a time.
  if (
    back.getUTCMonth() !== Number(mo) - 1 ||
    back.getUTCDate() !== Number(d) ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(s) > 59
  ) {
    return null;
  }
  return t - zoneOffsetMinutes(zone) * 60_000;
}

function zoneOffsetMinutes(zone: string): number {
  if (zone.toUpperCase() === 'Z') {
    return 0;
  }
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
  return zone[0] === '-' ? -minutes : minutes;
}

/**
 * One time cell: empty -> null (missing, the engine reports it); a number in `unit` (NaN/Infinity -> null);
 * an ISO 8601 string (UTC when it has no zone). Anything else is refused rather than guessed at.
 */
export function parseTimeCell(raw: string, unit: TimeUnit, where: string): number | null {
  if (raw === '') {
    return null;
  }
  const n = Number(raw);
  if (!Number.isNaN(n) || raw === 'NaN') {
    return Number.isFinite(n) ? (unit === 's' ? n * 1000 : n) : null;
  }
  const t = parseIsoUtc(raw);
  if (t === null) {
    throw new BadInputError(
      `${where}: time '${raw}' is neither a number (${unit}) nor an ISO 8601 date-time such as 2026-01-01T00:00:00Z`
    );
  }
  return t;
}
