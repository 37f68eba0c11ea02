/** Theme -> every colour the matrix canvas uses, precomputed once per theme (no per-cell colour maths). */
import { colorManipulator, GrafanaTheme2 } from '@grafana/data';
import { buildColorTable } from '../../common/colorScale';

export interface MatrixPalette {
  /** r -> cell colour (index from colorIndex). */
  cells: string[];
  /** Same scale pulled towards neutral, for non-significant cells in "fade" mode. */
  faded: string[];
  /** Readable text colour on top of each `cells` entry. */
  text: string[];
  neutral: string;
  noValue: string;
  label: string;
  labelWeak: string;
  line: string;
  hatch: string;
  focus: string;
  band: string;
}

const FADE = 0.7;

export function buildPalette(theme: GrafanaTheme2, reverse: boolean): MatrixPalette {
  const blue = theme.visualization.getColorByName('blue');
  const red = theme.visualization.getColorByName('red');
  const neutral = theme.colors.background.primary;
  const cells = buildColorTable({ negative: reverse ? red : blue, neutral, positive: reverse ? blue : red });
  const faded = cells.map((c) =>
    colorManipulator.asRgbString(
      colorManipulator.onBackground(colorManipulator.alpha(c, 1 - FADE), neutral).toRgbString()
    )
  );
  return {
    cells,
    faded,
    text: cells.map((c) => theme.colors.getContrastText(c)),
    neutral,
    noValue: theme.colors.background.secondary,
    label: theme.colors.text.primary,
    labelWeak: theme.colors.text.secondary,
    line: theme.colors.border.medium,
    hatch: colorManipulator.alpha(theme.colors.text.primary, 0.45),
    focus: theme.colors.text.maxContrast,
    band: colorManipulator.alpha(theme.colors.text.primary, 0.1),
  };
}
