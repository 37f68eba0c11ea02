/** @jest-environment node */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { parseIsoUtc, parseTimeCell } from './timestamps';

/**
 * Runs the CLI in a child process with the machine zone set to `tz`: jest gives each test file its own copy
 * of process.env, so setting TZ here would not reach the zone the Date functions use.
 */
function inZone(tz: string, args: string[], input = ''): string {
  const res = spawnSync(process.execPath, args, { input, env: { ...process.env, TZ: tz }, encoding: 'utf8' });
  expect(res.stderr).toBe('');
  return res.stdout;
}
const gridStart = (tz: string, csv: string) =>
  JSON.parse(inZone(tz, ['--import', 'tsx', path.join(__dirname, 'main.ts'), '--format', 'csv'], csv)).grid.start;
const dateParse = (tz: string, text: string) => Number(inZone(tz, ['-p', `Date.parse(${JSON.stringify(text)})`]));

describe('timestamps', () => {
  const zoneLess = '2026-01-01T00:00:00';
  const utc = Date.UTC(2026, 0, 1);

  it('an ISO time without a zone is read as UTC whatever the machine zone (TZ=America/New_York, TZ=Asia/Kolkata)', () => {
    const csv = `time,a,b\n${zoneLess},1,2\n2026-01-01T00:01:00,2,1\n2026-01-01T00:02:00,3,4\n2026-01-01T00:03:00,5,3\n`;
    // The two zones really differ for Date.parse: that is what the CLI used to depend on.
    expect(dateParse('America/New_York', zoneLess)).not.toBe(dateParse('Asia/Kolkata', zoneLess));
    expect(gridStart('America/New_York', csv)).toBe(utc);
    expect(gridStart('Asia/Kolkata', csv)).toBe(utc);
  });
  it('zone-less date-times and dates, with T or a space, are UTC', () => {
    expect(parseTimeCell(zoneLess, 'ms', 'here')).toBe(utc);
    expect(parseTimeCell('2026-01-01 00:00:00', 'ms', 'here')).toBe(utc);
    expect(parseTimeCell('2026-01-01', 'ms', 'here')).toBe(utc);
  });
  it('zones and fractions are honoured', () => {
    expect(parseIsoUtc('2026-01-01T00:00:00Z')).toBe(utc);
    expect(parseIsoUtc('2026-01-01T05:30:00+05:30')).toBe(utc);
    expect(parseIsoUtc('2025-12-31T19:00:00-0500')).toBe(utc);
    expect(parseIsoUtc('2026-01-01T00:00:00.25Z')).toBe(utc + 250);
    expect(parseIsoUtc('2026-01-01T00:00')).toBe(utc);
  });
  it('impossible dates and non-ISO text are not times', () => {
    expect(parseIsoUtc('2026-02-30T00:00:00Z')).toBeNull();
    expect(parseIsoUtc('2026-01-01T24:00:00Z')).toBeNull();
    expect(parseIsoUtc('Jan 1 2026')).toBeNull();
    expect(() => parseTimeCell('Jan 1 2026', 'ms', 'CSV line 9')).toThrow(/CSV line 9: time 'Jan 1 2026'/);
  });
  it('numbers use the unit; empty and non-finite cells are missing', () => {
    expect(parseTimeCell('1.5', 's', 'here')).toBe(1500);
    expect(parseTimeCell('1500', 'ms', 'here')).toBe(1500);
    expect(parseTimeCell('', 'ms', 'here')).toBeNull();
    expect(parseTimeCell('NaN', 'ms', 'here')).toBeNull();
    expect(parseTimeCell('Infinity', 'ms', 'here')).toBeNull();
  });
});
