import { WorkBlock } from './workBlock';

it('hands out n doubles, the same memory from one take to the next', () => {
  const work = new WorkBlock();
  const a = work.take(100);
  expect(a.length).toBe(100);
  a[3] = 7;
  const b = work.take(50);
  expect(b.length).toBe(50);
  expect(b[3]).toBe(7);
  expect(b.buffer).toBe(a.buffer);
});

it('grows for a larger request', () => {
  const work = new WorkBlock();
  const small = work.take(10);
  const large = work.take(1000);
  expect(large.length).toBe(1000);
  expect(large.buffer).not.toBe(small.buffer);
  expect(work.take(500).buffer).toBe(large.buffer);
});

it('does not keep a block over 8 MiB: each such request gets memory of its own', () => {
  const work = new WorkBlock();
  const kept = work.take(1000);
  const huge = work.take((1 << 20) + 1);
  expect(huge.length).toBe((1 << 20) + 1);
  expect(huge.buffer).not.toBe(kept.buffer);
  expect(work.take((1 << 20) + 1).buffer).not.toBe(huge.buffer);
  expect(work.take(1000).buffer).toBe(kept.buffer);
});
