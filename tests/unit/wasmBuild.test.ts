/** @jest-environment node */
import * as fs from 'fs';
import * as path from 'path';
import { compileKernel, KERNELS, renderModule } from '../../scripts/build-wasm';

/** The committed kernel modules are what their AssemblyScript sources compile to, byte for byte. */
describe.each(KERNELS)('$module', (kernel) => {
  it('regenerates to the committed text', () => {
    const committed = fs.readFileSync(path.resolve(__dirname, '../..', kernel.module), 'utf8');
    expect(renderModule(kernel, compileKernel(kernel))).toBe(committed);
  }, 60_000);
});
