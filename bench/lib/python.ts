/**
 * Runs one NumPy/SciPy/pandas reference (bench/reference/reference.py) on the same bytes the engine gets:
 * the inputs go to a temporary directory as raw little-endian float64 files, Python times the operation
 * there (one BLAS thread) and answers with JSON on stdout; its outputs come back as float64 files so the
 * bench can check that both sides computed the same answer. A missing python3, numpy, scipy or pandas
 * gives `{ skipped }`, never an exception: the references are optional, the bench is not.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const PYTHON = '/usr/bin/python3';
const SCRIPT = path.join(__dirname, '..', 'reference', 'reference.py');

/** An input as Python sees it: row-major float64 of the given shape (rows = series). */
export interface PythonInput {
  rows: Float64Array[];
}

export interface PythonRequest {
  /** Key of IMPLEMENTATIONS in reference.py. */
  impl: string;
  inputs: Record<string, PythonInput>;
  params?: Record<string, number>;
  runs: number;
  warmup: number;
}

export interface PythonTiming {
  medianMs: number;
  /** Peak RSS during the first call minus RSS just before it (null where the peak cannot be reset). */
  rssDeltaBytes: number | null;
  /** Peak of Python-allocated memory (tracemalloc) during one call. */
  tracemallocPeakBytes: number;
  outputs: Record<string, Float64Array>;
  blas: string;
  versions: Record<string, string>;
}

export type PythonResult = PythonTiming | { skipped: string };

/** The BLAS thread pools read these when NumPy loads: one thread, like the engine's single JS thread. */
const ONE_THREAD = { OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };

function writeRows(file: string, rows: Float64Array[]): number[] {
  const T = rows.length > 0 ? rows[0].length : 0;
  const all = new Float64Array(rows.length * T);
  rows.forEach((r, i) => all.set(r, i * T));
  // Float64Array bytes are host order; every platform Node runs the bench on is little-endian, as '<f8' expects.
  fs.writeFileSync(file, new Uint8Array(all.buffer));
  return [rows.length, T];
}

function readFloat64(file: string): Float64Array {
  const bytes = fs.readFileSync(file);
  return new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

let availability: string | null | undefined;

/** Why the references cannot run here (null when they can); asked once per bench run. */
export function pythonUnavailable(): string | null {
  if (availability === undefined) {
    if (!fs.existsSync(PYTHON)) {
      availability = `${PYTHON} not found; bash scripts/setup.sh --bench installs it`;
    } else {
      const probe = spawnSync(PYTHON, ['-c', 'import numpy'], {
        encoding: 'utf8',
        env: { ...process.env, ...ONE_THREAD },
      });
      availability =
        probe.status === 0 ? null : `numpy not importable by ${PYTHON}; bash scripts/setup.sh --bench installs it`;
    }
  }
  return availability;
}

/** Runs one reference implementation; see the module comment. */
export function runPython(request: PythonRequest): PythonResult {
  const why = pythonUnavailable();
  if (why !== null) {
    return { skipped: why };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infradrift-bench-'));
  try {
    const inputs: Record<string, { file: string; shape: number[] }> = {};
    for (const [name, input] of Object.entries(request.inputs)) {
      const file = path.join(dir, `${name}.f64`);
      inputs[name] = { file, shape: writeRows(file, input.rows) };
    }
    const specFile = path.join(dir, 'spec.json');
    const { impl, params = {}, runs, warmup } = request;
    fs.writeFileSync(specFile, JSON.stringify({ impl, inputs, params, runs, warmup, outDir: dir }));
    const child = spawnSync(PYTHON, [SCRIPT, specFile], {
      encoding: 'utf8',
      env: { ...process.env, ...ONE_THREAD },
      maxBuffer: 1 << 20,
    });
    if (child.status !== 0) {
      const last = (child.stderr || String(child.error ?? '')).trim().split('\n').pop();
      return { skipped: `python exited with ${child.status}: ${last}` };
    }
    const answer = JSON.parse(child.stdout) as Record<string, unknown>;
    if (typeof answer.skipped === 'string') {
      return { skipped: answer.skipped };
    }
    const outputs: Record<string, Float64Array> = {};
    for (const [name, file] of Object.entries(answer.outputs as Record<string, string>)) {
      outputs[name] = readFloat64(file);
    }
    return {
      medianMs: (answer.medianS as number) * 1000,
      rssDeltaBytes: answer.rssDeltaBytes as number | null,
      tracemallocPeakBytes: answer.tracemallocPeakBytes as number,
      outputs,
      blas: answer.blas as string,
      versions: answer.versions as Record<string, string>,
    };
  } catch (e) {
    return { skipped: `reference failed: ${e instanceof Error ? e.message : String(e)}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
