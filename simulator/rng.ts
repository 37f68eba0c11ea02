/**
 * Seeded randomness without Math.random.
 *
 * Two flavours, for two needs:
 *  - `mulberry32` is a classic sequential PRNG, fine for one-off draws (e.g. pod name suffixes).
 *  - `hashNormal(seed, stream, index)` is *counter-based*: the draw for step `index` of noise
 *    stream `stream` depends only on those three numbers. That is what makes the model a function
 *    of absolute time: a 48 h file, a 2 h file and the live server started at another moment all
 *    see the same noise at the same wall-clock step, and adding a new noise stream never shifts
 *    the draws of the existing ones (which keeps scenario signals independent by construction).
 */

/** 32-bit avalanche mix (the finaliser of MurmurHash3 / splitmix32). */
function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Stable 32-bit id of a stream name (FNV-1a), so streams are named, not numbered by hand. */
export function streamId(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Hash (seed, stream, index, salt) to 32 bits. `index` may be any safe integer (absolute step). */
export function hash32(seed: number, stream: number, index: number, salt = 0): number {
  const lo = index >>> 0;
  const hi = Math.floor(index / 4294967296) >>> 0;
  let h = mix32((seed >>> 0) ^ 0x9e3779b9);
  h = mix32(h ^ stream);
  h = mix32(h ^ lo);
  h = mix32(h ^ hi ^ Math.imul(salt + 1, 0x85ebca6b));
  return h;
}

/** Uniform in the open interval (0, 1): never 0, so log() in Box-Muller is safe. */
export function hashUniform(seed: number, stream: number, index: number, salt = 0): number {
  return (hash32(seed, stream, index, salt) + 0.5) / 4294967296;
}

/** Standard normal draw via Box-Muller from two independent hashed uniforms. */
export function hashNormal(seed: number, stream: number, index: number): number {
  const u1 = hashUniform(seed, stream, index, 1);
  const u2 = hashUniform(seed, stream, index, 2);
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Sequential PRNG (mulberry32): returns a function yielding uniforms in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Unit-variance AR(1) noise on the absolute step grid, parameterised by a time constant in seconds
 * so its character does not change with --step. Autocorrelated noise matters: real metrics are
 * smooth, and the stats engine must cope with that (effective sample size), so the simulator
 * must not hand it white noise.
 *
 * The recursion is started `burnIn` steps before the first requested step; after
 * ln(1e-3)/ln(phi) steps the start value is forgotten, so values agree (to < 1e-3 sd) no matter
 * where a run starts.
 */
export class ArNoise {
  private readonly phi: number;
  private readonly innovationScale: number;
  private readonly stream: number;
  private value = 0;
  private lastIndex: number | undefined;

  constructor(
    private readonly seed: number,
    name: string,
    tauSeconds: number,
    stepSeconds: number
  ) {
    this.stream = streamId(name);
    this.phi = tauSeconds > 0 ? Math.exp(-stepSeconds / tauSeconds) : 0;
    this.innovationScale = Math.sqrt(1 - this.phi * this.phi);
  }

  /** Steps needed to forget the start value (phi^n < 1e-3). */
  static burnInSteps(tauSeconds: number, stepSeconds: number): number {
    const phi = Math.exp(-stepSeconds / tauSeconds);
    return phi <= 0 ? 0 : Math.ceil(Math.log(1e-3) / Math.log(phi));
  }

  /** Value at absolute step `index`; must be called with consecutive indices. */
  at(index: number): number {
    const e = hashNormal(this.seed, this.stream, index);
    if (this.lastIndex === undefined || index !== this.lastIndex + 1) {
      // Fresh start: draw from the stationary distribution rather than 0.
      this.value = e;
    } else {
      this.value = this.phi * this.value + this.innovationScale * e;
    }
    this.lastIndex = index;
    return this.value;
  }
}
