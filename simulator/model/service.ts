/**
 * The pure service model: the state of the recommender and its infrastructure at each step of an
 * absolute time grid (step index = t / step), given a seed and a function giving the scenario
 * drivers at time t. No metric names and no exposition format here: exporters (OpenMetrics file,
 * later a prom-client registry) turn `ServiceStep`s into series.
 *
 * Determinism: all randomness is counter-based on (seed, stream, absolute step) and the run starts
 * `burnInSteps` before the first requested step, so the state at a wall-clock step does not depend
 * on where a run started (up to < 1e-3 sd of AR noise and the memory-leak phase, which depends on
 * incident placement, not on the run start).
 */
import { clamp, logistic } from '../math';
import { ArNoise } from '../rng';
import { BUCKETS, FEATURES, FeatureName, PlantedLags, SERVICE, plantedLags } from './config';
import { CountSampler } from './counts';
import {
  bucketProbs,
  featureCdf,
  logitNormalCdf,
  logitNormalMean,
  lognormalFromMean,
  mixProbs,
  pointMassProbs,
} from './distributions';
import { PodIdentity, podIdentities } from './pods';
import { diurnalFactor } from './traffic';
import type { Drivers } from '../types';

/** Per-step histogram observation: non-cumulative bucket counts (last = above the last bound) and sum. */
export interface HistogramIncrement {
  buckets: number[];
  sum: number;
}

/** Events counted during one step (counter increments). */
export interface PodIncrements {
  requests: number;
  timeouts: number;
  preprocessingSkipped: number;
  cacheRequests: number;
  cacheMisses: number;
  conversions: number;
  predictionsClick: number;
  predictionsNoClick: number;
  cpuSeconds: number;
  cfsPeriods: number;
  cfsThrottledPeriods: number;
  networkReceiveBytes: number;
  fsWriteBytes: number;
  restarts: number;
}

export interface PodStep {
  identity: PodIdentity;
  /** The container restarted during this step (process counters reset). */
  restarted: boolean;
  /** True (latent) values, useful for tests and docs; exporters use the fields below. */
  latent: {
    rps: number;
    missRatio: number;
    partialShare: number;
    timeoutRatio: number;
    skipRatio: number;
    throttleRatio: number;
    slowdown: number;
    latencyMeanSeconds: number;
    trueAccuracy: number;
  };
  gauges: {
    workingSetBytes: number;
    gpuTempC: number;
    gpuUtilPct: number;
    smClockMHz: number;
  };
  inc: PodIncrements;
  latency: HistogramIncrement;
  score: HistogramIncrement;
  features: Record<FeatureName, HistogramIncrement>;
}

export interface ServiceStep {
  /** Absolute step index (t / step). */
  index: number;
  /** Time in ms since the epoch. */
  t: number;
  drivers: Drivers;
  pods: PodStep[];
  /** Model accuracy gauge from delayed labels (model level, not per pod). */
  accuracy: number;
}

export interface ServiceModelOptions {
  seed: number;
  stepSeconds: number;
  replicas: number;
  /** First step to emit (ms); aligned down to the step grid. */
  start: number;
  driversAt: (t: number) => Drivers;
}

/** Per-pod mutable state carried between steps. */
interface PodState {
  id: PodIdentity;
  tempC: number | undefined;
  leakedBytes: number;
  prevLeakRate: number;
  lastRestart: number;
  slowdown: number;
  noise: Record<string, ArNoise>;
}

interface HistoryEntry {
  missRatio: number[];
  tempC: number[];
  timeoutRatio: number[];
  accWeighted: number;
  accWeight: number;
}

const MAX_TAU_SECONDS = 1800;

export class ServiceModel {
  readonly stepSeconds: number;
  readonly pods: PodIdentity[];
  private readonly sampler: CountSampler;
  private readonly podStates: PodState[];
  private readonly shared: Record<string, ArNoise>;
  private readonly history: HistoryEntry[] = [];
  private readonly historyLength: number;
  private readonly lag: PlantedLags;
  private index: number;

  constructor(private readonly opts: ServiceModelOptions) {
    const step = opts.stepSeconds;
    this.stepSeconds = step;
    this.sampler = new CountSampler(opts.seed);
    this.pods = podIdentities(opts.seed, opts.replicas);
    this.lag = plantedLags(step);
    this.historyLength =
      this.lag.label + this.lag.window + Math.max(this.lag.partial, this.lag.clock, this.lag.shed) + 2;
    const ar = (name: string, tau: number) => new ArNoise(opts.seed, name, tau, step);
    this.shared = {
      traffic: ar('traffic', 900),
      storm: ar('cache/storm', 180),
      accuracy: ar('model/accuracy', 600),
      evaluation: ar('model/evaluation', 300),
      conversion: ar('model/conversion', 600),
      score: ar('model/score', 600),
      ...Object.fromEntries(FEATURES.map((f) => [`feature/${f.name}`, ar(`feature/${f.name}`, MAX_TAU_SECONDS)])),
    };
    this.podStates = this.pods.map((id) => ({
      id,
      tempC: undefined,
      leakedBytes: 0,
      prevLeakRate: 0,
      lastRestart: Number.NEGATIVE_INFINITY,
      slowdown: 0,
      noise: {
        share: ar(`${id.gpu}/share`, 600),
        cpu: ar(`${id.gpu}/cpu`, 60),
        throttle: ar(`${id.gpu}/throttle`, 120),
        memory: ar(`${id.gpu}/memory`, 600),
        miss: ar(`${id.gpu}/miss`, 300),
        gpuUtil: ar(`${id.gpu}/gpu-util`, 120),
        gpuTemp: ar(`${id.gpu}/gpu-temp`, 300),
        latency: ar(`${id.gpu}/latency`, 60),
        network: ar(`${id.gpu}/network`, 300),
        fs: ar(`${id.gpu}/fs`, 300),
      },
    }));
    const first = Math.floor(opts.start / 1000 / step);
    const burnIn = Math.max(
      ArNoise.burnInSteps(MAX_TAU_SECONDS, step),
      this.historyLength,
      Math.ceil((5 * SERVICE.gpuThermalTauSeconds) / step)
    );
    this.index = first - burnIn;
    while (this.index < first) {
      this.next();
    }
  }

  /** Lags actually planted at this step size (whole steps). */
  get plantedLags(): Readonly<PlantedLags> {
    return this.lag;
  }

  /** Advance one step and return the state of that step. */
  next(): ServiceStep {
    const k = this.index++;
    const step = this.stepSeconds;
    const t = k * step * 1000;
    const d = this.opts.driversAt(t);
    const s = this.sampler;
    const past = (lag: number): HistoryEntry | undefined => this.history[this.history.length - lag];

    const rpsTotal = SERVICE.baseRps * diurnalFactor(t) * (1 + 0.05 * this.shared.traffic.at(k)) * d.trafficMultiplier;
    const shares = this.podStates.map((p) => Math.max(0.5, 1 + 0.03 * p.noise.share.at(k)));
    const shareSum = shares.reduce((a, b) => a + b, 0);
    const stormNoise = Math.max(0, 1 + 0.3 * this.shared.storm.at(k));
    const keyPressure = (rpsTotal * d.keyCardinality) / SERVICE.cacheCapacityRps;
    const storm = SERVICE.stormGain * Math.max(0, keyPressure - 1) * stormNoise;
    const accNoise = this.shared.accuracy.at(k);
    const evalNoise = this.shared.evaluation.at(k);
    const convNoise = this.shared.conversion.at(k);
    const scoreNoise = this.shared.score.at(k);
    const featureNoise = FEATURES.map((f) => this.shared[`feature/${f.name}`].at(k));

    const entry: HistoryEntry = { missRatio: [], tempC: [], timeoutRatio: [], accWeighted: 0, accWeight: 0 };
    const pods: PodStep[] = this.podStates.map((p, i) => {
      const tag = `${p.id.gpu}`;
      const n = p.noise;
      const rps = (rpsTotal * shares[i]) / shareSum;
      const requests = s.poisson(`${tag}/requests`, k, rps * step);
      const r = requests / step;

      // Memory: the leak grows until the working set hits the limit (OOM kill → restart); when the
      // leak stops (incident end = hotfix rollout) the container is restarted once more.
      const leakRate = d.leakBytesPerSecond * p.id.leakFactor;
      p.leakedBytes += leakRate * step;
      const baseWorkingSet = SERVICE.memoryBaseBytes * (1 + 0.03 * n.memory.at(k));
      let workingSet = baseWorkingSet + p.leakedBytes;
      let restarted = false;
      if (workingSet >= SERVICE.memoryLimitBytes || (leakRate === 0 && p.prevLeakRate > 0 && p.leakedBytes > 0)) {
        restarted = true;
        p.leakedBytes = 0;
        p.lastRestart = t;
        workingSet = baseWorkingSet;
      }
      p.prevLeakRate = leakRate;
      const memPressure = Math.max(0, workingSet / SERVICE.memoryLimitBytes - 0.8) / 0.2;

      // CPU: linear in realised requests (the confounder path), plus GC work under memory pressure.
      const cpuCores = clamp(
        SERVICE.cpuIdleCores + SERVICE.cpuCoresPerRps * r + 0.04 * n.cpu.at(k) + 0.3 * memPressure,
        0.02,
        SERVICE.cpuLimitCores
      );
      const util = cpuCores / SERVICE.cpuLimitCores;
      const throttleRatio = clamp(0.01 + 0.6 * logistic((util - 0.65) / 0.07) + 0.004 * n.throttle.at(k), 0, 1);
      const cfsPeriods = s.poisson(`${tag}/cfs-periods`, k, SERVICE.cfsPeriodsPerSecond * step * 0.95);
      const cfsThrottled = s.binomial(`${tag}/cfs-throttled`, k, cfsPeriods, throttleRatio);

      // Feature cache: load-linear misses, the eviction storm above capacity, cold cache after restart.
      const cold = SERVICE.coldCacheMissRatio * Math.exp(-(t - p.lastRestart) / 1000 / SERVICE.coldCacheTauSeconds);
      const missRatio = clamp(
        SERVICE.baseMissRatio +
          SERVICE.missRatioPerLoad * (rpsTotal / SERVICE.baseRps - 1) +
          0.004 * n.miss.at(k) +
          storm +
          cold,
        0.005,
        0.95
      );
      const cacheRequests = s.poisson(`${tag}/cache-requests`, k, requests * SERVICE.cacheLookupsPerRequest);
      const cacheMisses = s.binomial(`${tag}/cache-misses`, k, cacheRequests, missRatio);
      const missThen = past(this.lag.partial)?.missRatio[i] ?? missRatio;
      const partialShare = clamp(SERVICE.partialGain * Math.max(0, missThen - SERVICE.partialMissThreshold), 0, 0.85);

      // GPU: heat follows utilisation and lost cooling with thermal inertia; the clock slows on the
      // temperature seen `clock` steps ago.
      const utilTarget = 12 + 0.1 * r;
      const gpuUtil = clamp(utilTarget / (1 - p.slowdown) + 1.5 * n.gpuUtil.at(k), 0, 100);
      const tempTarget = 30 + 0.4 * gpuUtil + 55 * d.coolingLoss + 0.6 * n.gpuTemp.at(k);
      p.tempC =
        p.tempC === undefined
          ? tempTarget
          : p.tempC + (1 - Math.exp(-step / SERVICE.gpuThermalTauSeconds)) * (tempTarget - p.tempC);
      const tempThen = past(this.lag.clock)?.tempC[i] ?? p.tempC;
      p.slowdown = clamp(
        (tempThen - SERVICE.thermalThrottleC) / SERVICE.thermalThrottleSpanC,
        0,
        SERVICE.thermalMaxSlowdown
      );
      const boostJitter = s.uniform(`${tag}/boost`, k) < 0.2 ? 15 : 0;
      const smClock = Math.round((SERVICE.gpuMaxSmClockMHz * (1 - p.slowdown)) / 15) * 15 - boostJitter;

      // Latency: linear in load (confounder path), slowed by GPU throttling (compute + queueing) and GC.
      const latencyMean = Math.max(
        0.003,
        (SERVICE.latencyBaseSeconds + SERVICE.latencyPerRps * r + 0.0012 * n.latency.at(k)) *
          Math.pow(1 - p.slowdown, -2.5) *
          (1 + 0.8 * memPressure)
      );
      const latencyDist = lognormalFromMean(latencyMean, SERVICE.latencyLogSigma);
      const timeoutRatio = 1 - featureCdf(latencyDist, SERVICE.requestDeadlineSeconds);
      const timeouts = s.binomial(`${tag}/timeouts`, k, requests, timeoutRatio);
      const timeoutThen = past(this.lag.shed)?.timeoutRatio[i] ?? timeoutRatio;
      const skipRatio = clamp(SERVICE.shedGain * Math.max(0, timeoutThen - SERVICE.shedTimeoutThreshold), 0, 0.9);
      const skipped = s.binomial(`${tag}/skipped`, k, requests, skipRatio);

      const latency: HistogramIncrement = {
        buckets: s.multinomial(
          `${tag}/latency`,
          k,
          requests,
          bucketProbs((x) => featureCdf(latencyDist, x), BUCKETS.latencySeconds)
        ),
        sum: requests * latencyMean,
      };

      // Features: shared population wobble, the new segment's mixture, and imputed defaults where the
      // source failed (cache → partial share, preprocessing → skipped share).
      const seg = d.segmentShare;
      const features = {} as Record<FeatureName, HistogramIncrement>;
      FEATURES.forEach((f, j) => {
        const base = { ...f.base, location: f.base.location + f.wobble * featureNoise[j] };
        const corrupted = f.source === 'cache' ? partialShare : f.source === 'preprocessing' ? skipRatio : 0;
        const probs = mixProbs([
          [(1 - corrupted) * (1 - seg), bucketProbs((x) => featureCdf(base, x), f.buckets)],
          [(1 - corrupted) * seg, bucketProbs((x) => featureCdf(f.segment, x), f.buckets)],
          [corrupted, pointMassProbs(f.defaultValue, f.buckets)],
        ]);
        const mean = (dist: typeof base) =>
          dist.kind === 'lognormal' ? Math.exp(dist.location + (dist.scale * dist.scale) / 2) : dist.location;
        const meanValue =
          (1 - corrupted) * ((1 - seg) * mean(base) + seg * mean(f.segment)) + corrupted * f.defaultValue;
        features[f.name] = {
          buckets: s.multinomial(`${tag}/feature/${f.name}`, k, requests, probs),
          sum: requests * meanValue,
        };
      });

      // Model outputs: degraded inputs push scores towards the prior.
      const mu = -1.3 - 1.2 * partialShare - 0.7 * skipRatio + 0.4 * seg + 0.05 * scoreNoise;
      const sigma = 1.1;
      const pClick = 1 - logitNormalCdf(mu, sigma, 0.5);
      const predictionsClick = s.binomial(`${tag}/pred-click`, k, requests, pClick);
      const score: HistogramIncrement = {
        buckets: s.multinomial(
          `${tag}/score`,
          k,
          requests,
          bucketProbs((x) => logitNormalCdf(mu, sigma, x), BUCKETS.predictionScore)
        ),
        sum: requests * logitNormalMean(mu, sigma),
      };
      const trueAccuracy =
        SERVICE.baseAccuracy - 0.35 * partialShare - 0.25 * skipRatio - 0.22 * seg + 0.004 * accNoise;
      const pConv = Math.max(
        0,
        SERVICE.baseConversion * (1 - 0.6 * partialShare - 0.4 * skipRatio - 0.25 * seg) * (1 + 0.04 * convNoise)
      );
      const conversions = s.binomial(`${tag}/conversions`, k, requests, pConv);

      entry.missRatio.push(missRatio);
      entry.tempC.push(p.tempC);
      entry.timeoutRatio.push(timeoutRatio);
      entry.accWeighted += trueAccuracy * requests;
      entry.accWeight += requests;

      return {
        identity: p.id,
        restarted,
        latent: {
          rps,
          missRatio,
          partialShare,
          timeoutRatio,
          skipRatio,
          throttleRatio,
          slowdown: p.slowdown,
          latencyMeanSeconds: latencyMean,
          trueAccuracy,
        },
        gauges: {
          workingSetBytes: Math.round(workingSet),
          gpuTempC: Math.round(p.tempC),
          gpuUtilPct: Math.round(gpuUtil),
          smClockMHz: smClock,
        },
        inc: {
          requests,
          timeouts,
          preprocessingSkipped: skipped,
          cacheRequests,
          cacheMisses,
          conversions,
          predictionsClick,
          predictionsNoClick: requests - predictionsClick,
          cpuSeconds: cpuCores * step,
          cfsPeriods,
          cfsThrottledPeriods: cfsThrottled,
          networkReceiveBytes: Math.round(3.5e6 * Math.exp(0.25 * n.network.at(k)) * step),
          fsWriteBytes: Math.round(1.2e6 * Math.exp(0.4 * n.fs.at(k)) * step),
          restarts: restarted ? 1 : 0,
        },
        latency,
        score,
        features,
      };
    });

    this.history.push(entry);
    if (this.history.length > this.historyLength) {
      this.history.shift();
    }

    // Accuracy from delayed labels: predictions made `label` steps ago, averaged over `window` steps.
    let num = 0;
    let den = 0;
    for (let w = 0; w < this.lag.window; w++) {
      const h = past(this.lag.label + 1 + w);
      if (h) {
        num += h.accWeighted;
        den += h.accWeight;
      }
    }
    const accuracy = den > 0 ? num / den + 0.003 * evalNoise : SERVICE.baseAccuracy;

    return { index: k, t, drivers: d, pods, accuracy: Math.round(accuracy * 1e4) / 1e4 };
  }
}
