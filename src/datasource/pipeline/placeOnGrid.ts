import { numberOrNaN, type SeriesInput } from '../../stats';
import { gridLength, type TimeGrid } from '../query/timeGrid';

/**
 * When every timestamp of a series sits exactly on the grid (as Prometheus range queries with the
 * grid's step return them), its values are placed by index and the timestamps dropped: half the data
 * to send to the worker and no resampling. Anything else keeps its timestamps for the engine to align.
 */
export function placeOnGrid(series: SeriesInput, grid: TimeGrid): SeriesInput {
  const ts = series.timestamps;
  if (!ts) {
    return series;
  }
  const length = gridLength(grid);
  const values = new Float64Array(length).fill(NaN);
  for (let k = 0; k < ts.length; k++) {
    const offset = Number(ts[k]) - grid.start;
    const i = offset / grid.stepMs;
    if (Number.isInteger(i) && (i < 0 || i >= length)) {
      continue; // outside the grid (a longer fetch shared with another grid): the engine would drop it too
    }
    if (!Number.isInteger(i) || !Number.isNaN(values[i])) {
      return series; // off the grid or a duplicate: let the engine bucket it
    }
    const v = series.values[k];
    values[i] = numberOrNaN(v);
  }
  const { timestamps: _dropped, ...rest } = series;
  return { ...rest, values };
}
