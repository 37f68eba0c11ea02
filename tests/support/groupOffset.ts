/**
 * Where Prometheus 2.x evaluates a rule group within its interval: at hash(labels{file, name}) mod the
 * interval (nanoseconds), the hash being xxhash64 of "file\xff<path>\xffname\xff<group>\xff" (labels
 * sorted by name; model/labels Labels.Hash, rules.Group.EvalTimestamp). The rule manager and promtool's
 * rule backfill both place a group this way, so a test that picks the file name picks the places.
 */
// BigInt() rather than literals: the compile target predates ES2020.
const [N0, N1] = [BigInt(0), BigInt(1)];
const MASK = (N1 << BigInt(64)) - N1;
const P1 = BigInt('11400714785074694791');
const P2 = BigInt('14029467366897019727');
const P3 = BigInt('1609587929392839161');
const P4 = BigInt('9650029242287828579');
const P5 = BigInt('2870177450012600261');

const rotl = (x: bigint, r: number) => ((x << BigInt(r)) | (x >> BigInt(64 - r))) & MASK;
const round = (acc: bigint, lane: bigint) => (rotl((acc + lane * P2) & MASK, 31) * P1) & MASK;
const xorShift = (x: bigint, r: number) => x ^ (x >> BigInt(r));
const merge = (acc: bigint, v: bigint) => ((acc ^ round(N0, v)) * P1 + P4) & MASK;

/** XXH64 with seed 0 (the variant Go's cespare/xxhash computes). */
export function xxhash64(data: Buffer): bigint {
  const len = data.length;
  let i = 0;
  let h: bigint;
  if (len >= 32) {
    const v = [(P1 + P2) & MASK, P2, N0, (MASK + N1 - P1) & MASK];
    for (; i + 32 <= len; i += 32) {
      for (let lane = 0; lane < 4; lane++) {
        v[lane] = round(v[lane], data.readBigUInt64LE(i + 8 * lane));
      }
    }
    h = (rotl(v[0], 1) + rotl(v[1], 7) + rotl(v[2], 12) + rotl(v[3], 18)) & MASK;
    h = v.reduce(merge, h);
  } else {
    h = P5;
  }
  h = (h + BigInt(len)) & MASK;
  for (; i + 8 <= len; i += 8) {
    h = (rotl(h ^ round(N0, data.readBigUInt64LE(i)), 27) * P1 + P4) & MASK;
  }
  for (; i + 4 <= len; i += 4) {
    h = (rotl(h ^ ((BigInt(data.readUInt32LE(i)) * P1) & MASK), 23) * P2 + P3) & MASK;
  }
  for (; i < len; i++) {
    h = (rotl(h ^ ((BigInt(data[i]) * P5) & MASK), 11) * P1) & MASK;
  }
  h = (xorShift(h, 33) * P2) & MASK;
  h = (xorShift(h, 29) * P3) & MASK;
  return xorShift(h, 32);
}

/** Seconds into the interval at which the group `name` of rule file `file` (the path as given) evaluates. */
export function groupOffsetSeconds(file: string, name: string, intervalSeconds: number): number {
  const sep = '\xff';
  const labels = Buffer.concat([
    Buffer.from(`file${sep}`, 'latin1'),
    Buffer.from(file),
    Buffer.from(`${sep}name${sep}`, 'latin1'),
    Buffer.from(name),
    Buffer.from(sep, 'latin1'),
  ]);
  return Number(xxhash64(labels) % BigInt(Math.round(intervalSeconds * 1e9))) / 1e9;
}

/** A group and the part of the interval [from, to) seconds it should evaluate in. */
export interface Placement {
  group: string;
  from: number;
  to: number;
}

/**
 * The first file name `${stem}-<k>.rules.yml` (k = 0, 1, ...) that puts every group in its part of the
 * interval: the same name every run, so the places a test covers never depend on chance.
 */
export function ruleFileNameFor(stem: string, placements: Placement[], intervalSeconds: number): string {
  for (let k = 0; k < 1_000_000; k++) {
    const file = `${stem}-${k}.rules.yml`;
    if (
      placements.every((p) => {
        const offset = groupOffsetSeconds(file, p.group, intervalSeconds);
        return offset >= p.from && offset < p.to;
      })
    ) {
      return file;
    }
  }
  throw new Error(`no rule file name ${stem}-<k>.rules.yml places ${JSON.stringify(placements)}`);
}
