/** Stable, realistic-looking pod identities derived from the seed (ReplicaSet hash + pod suffix). */
import { mulberry32 } from '../rng';
import { SERVICE } from './config';

export interface PodIdentity {
  pod: string;
  gpu: string;
  uuid: string;
  /** Memory-leak speed of this replica relative to the scenario rate (replicas leak at different speeds). */
  leakFactor: number;
}

const ALNUM = 'bcdfghjklmnpqrstvwxz2456789';
const HEX = '0123456789abcdef';

function pick(rand: () => number, alphabet: string, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) {
    s += alphabet[Math.floor(rand() * alphabet.length)];
  }
  return s;
}

export function podIdentities(seed: number, replicas: number): PodIdentity[] {
  const rand = mulberry32(seed ^ 0x5eed);
  const rs = pick(rand, ALNUM, 10);
  const out: PodIdentity[] = [];
  for (let i = 0; i < replicas; i++) {
    out.push({
      pod: `${SERVICE.deployment}-${rs}-${pick(rand, ALNUM, 5)}`,
      gpu: String(i),
      uuid: `GPU-${pick(rand, HEX, 8)}-${pick(rand, HEX, 4)}-${pick(rand, HEX, 4)}-${pick(rand, HEX, 4)}-${pick(rand, HEX, 12)}`,
      leakFactor: 1 - (0.3 * i) / Math.max(1, replicas - 1),
    });
  }
  return out;
}
