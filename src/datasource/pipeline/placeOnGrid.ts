import { numberOrNaN } from '../../stats';
import { copies, type PlacedValues } from '../../shared/seriesFromFrames';
import { gridLength, type TimeGrid } from '../query/timeGrid';

/**
 * A field's values on the grid, read straight from the frame's arrays (one pass, no intermediate copy).
 * When every timestamp sits exactly on the grid (as Prometheus range queries with the grid's step return
 * them) the values are placed by index and no timestamps are kept: half the data to send to the worker
 * and no resampling. Anything else (off the grid, duplicates) keeps copies of its timestamps for the
 * engine to align.
 */
export function placeOnGrid(timestamps: ArrayLike<unknown>, values: ArrayLike<unknown>, grid: TimeGrid): PlacedValues {
  const length = gridLength(grid);
  const { start, stepMs } = grid;
  const placed = new Float64Array(length).fill(NaN);
  for (let k = 0; k < timestamps.length; k++) {
    const i = (numberOrNaN(timestamps[k]) - start) / stepMs;
    if (Number.isInteger(i) && (i < 0 || i >= length)) {
      continue; // outside the grid (a longer fetch shared with another grid): the engine would drop it too
    }
    if (!Number.isInteger(i) || !Number.isNaN(placed[i])) {
      // Off the grid or a duplicate: let the engine bucket it.
      return copies(timestamps, values);
    }
    placed[i] = numberOrNaN(values[k]);
  }
  return { values: placed };
}
