import { placeOnGrid } from './placeOnGrid';

const grid = { start: 60_000, end: 300_000, stepMs: 60_000, visibleFrom: 60_000 };

it('places values that sit on the grid by index, without timestamps; gaps stay NaN, null is missing', () => {
  const placed = placeOnGrid([60_000, 120_000, 240_000, 300_000], [1, null, 3, 4], grid);
  expect(placed.timestamps).toBeUndefined();
  expect(Array.from(placed.values)).toEqual([1, NaN, NaN, 3, 4]);
});

it('drops points outside the grid (a longer fetch shared with another grid)', () => {
  const placed = placeOnGrid([0, 60_000, 360_000], [9, 1, 9], grid);
  expect(Array.from(placed.values)).toEqual([1, NaN, NaN, NaN, NaN]);
});

it.each([
  ['off the grid', [60_000, 90_000]],
  ['a duplicate timestamp', [60_000, 60_000]],
  ['a missing timestamp', [60_000, null]],
])('hands the engine copies of timestamps and values for %s', (_why, timestamps) => {
  const values = [1, 2];
  const placed = placeOnGrid(timestamps, values, grid);
  expect(placed.timestamps).toBeInstanceOf(Float64Array);
  expect(Array.from(placed.timestamps!)).toEqual(timestamps.map((t) => (t === null ? NaN : t)));
  expect(Array.from(placed.values)).toEqual(values);
  expect(placed.values).not.toBe(values);
});
