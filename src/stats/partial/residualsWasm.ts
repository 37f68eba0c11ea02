import { aligned, claimMemory, float64View, growMemory, ownsMemory } from '../correlation/wasm/kernelModule';
import type { CompleteSeries } from '../correlation/pearsonPair';
import { residualsKernel, type ResidualsExports } from '../correlation/wasm/residualsKernel';

/** What the kernel needs of a design (residualize.ts's ControlDesign) whose rows are all m rows. */
export interface KernelDesign {
  m: number;
  k: number;
  /** Centred controls, m rows of k, row-major. */
  centred: Float64Array;
  /** k × k, row-major. */
  pinv: Float64Array;
}

/**
 * Residuals on one design by the WebAssembly kernel (correlation/wasm/assembly/residuals.ts), the same
 * doubles as residualize.ts's JavaScript. The design is written into the kernel's memory once and stays
 * there while series after series is residualised on it (the memory belongs to this kernel alone); each
 * series costs a copy in and a copy out.
 */
export class WasmResiduals {
  /** Byte offsets in the kernel's memory. */
  private readonly at: {
    x: number;
    rows: number;
    cols: number;
    pinv: number;
    aty: number;
    beta: number;
    out: number;
    sums: number;
    kept: number;
    end: number;
  };

  private constructor(
    private readonly kernel: ResidualsExports,
    private readonly design: KernelDesign
  ) {
    const { m, k } = design;
    const x = aligned(kernel.heapBase());
    const rows = aligned(x + 8 * m);
    // Four doubles past the last row: the kernel's last column pairs may read them (and drop them).
    const cols = aligned(rows + 8 * (m * k + 4));
    const pinv = aligned(cols + 8 * m * k);
    const aty = aligned(pinv + 8 * k * k);
    const beta = aligned(aty + 8 * (k + 2));
    const out = aligned(beta + 8 * (k + 2));
    const sums = aligned(out + 8 * m);
    const kept = aligned(sums + 8 * 4);
    this.at = { x, rows, cols, pinv, aty, beta, out, sums, kept, end: kept };
  }

  /** A plan for the design; null without a kernel or memory. */
  static plan(design: KernelDesign): WasmResiduals | null {
    const kernel = residualsKernel();
    if (!kernel) {
      return null;
    }
    const plan = new WasmResiduals(kernel, design);
    return growMemory(kernel.memory, plan.at.end) ? plan : null;
  }

  /** x − fit into out, x finite on every row and mx its mean (summed in row order). */
  residuals(x: ArrayLike<number>, mx: number, out: Float64Array): Float64Array {
    const { kernel, at, design } = this;
    const { m, k } = design;
    const mem = float64View(kernel.memory);
    if (!ownsMemory(kernel.memory, this)) {
      mem.set(design.centred, at.rows / 8);
      mem.fill(0, at.rows / 8 + m * k, at.rows / 8 + m * k + 4);
      for (let a = 0; a < k; a++) {
        for (let r = 0; r < m; r++) {
          mem[at.cols / 8 + a * m + r] = design.centred[r * k + a];
        }
      }
      mem.set(design.pinv, at.pinv / 8);
      claimMemory(kernel.memory, this);
    }
    mem.set(x, at.x / 8);
    kernel.residuals(at.x, m, mx, at.rows, at.cols, k, at.pinv, at.aty, at.beta, at.out);
    out.set(mem.subarray(at.out / 8, at.out / 8 + m));
    return out;
  }

  /**
   * What pearsonComplete reads of the residuals last computed (the kernel's seriesSums: its four-lane sums,
   * not completeSeries' running ones, so r may differ from pearsonPair's in the last bits), for `out`, the
   * array they were copied into.
   */
  sums(out: Float64Array): CompleteSeries {
    const { kernel, at } = this;
    kernel.seriesSums(at.out, this.design.m, at.sums);
    const mem = float64View(kernel.memory);
    const s = at.sums / 8;
    return { x: out, mean: mem[s], sumDev: mem[s + 1], sumSq: mem[s + 2], constant: mem[s + 3] === 1 };
  }

  /** Room for `count` kept residual series; false when memory cannot grow. */
  keepRoom(count: number): boolean {
    return growMemory(this.kernel.memory, this.at.kept + 8 * this.design.m * count);
  }

  /** Keeps the residuals last computed in slot i (keepRoom first). */
  keep(i: number): void {
    const { at, design } = this;
    const mem = float64View(this.kernel.memory);
    mem.copyWithin(at.kept / 8 + i * design.m, at.out / 8, at.out / 8 + design.m);
  }

  /**
   * The cross sums of the residuals last computed (mean `mean`) with the kept slots 0..means.length − 1
   * (their means), into out: each Σ (x − mean)(kept − its mean), in the kernel's four lanes.
   */
  crossWithKept(mean: number, means: ArrayLike<number>, out: Float64Array): Float64Array {
    const { kernel, at, design } = this;
    for (let i = 0; i < means.length; i++) {
      out[i] = kernel.crossSum(at.out, mean, at.kept + 8 * design.m * i, means[i], design.m);
    }
    return out;
  }
}
