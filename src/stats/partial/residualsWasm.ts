import { aligned, claimMemory, float64View, growMemory, ownsMemory } from '../correlation/wasm/kernelModule';
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
    this.at = { x, rows, cols, pinv, aty, beta, out, end: out + 8 * m };
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
}
