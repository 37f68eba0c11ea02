import { PanelPlugin } from '@grafana/data';
import { MatrixPanel } from './MatrixPanel';
import { defaultMatrixOptions, MatrixOptions } from './types';

export const plugin = new PanelPlugin<MatrixOptions>(MatrixPanel).setPanelOptions((builder) =>
  builder
    .addRadio({
      path: 'triangle',
      name: 'Triangle',
      description: 'Which part of the symmetric matrix to draw.',
      defaultValue: defaultMatrixOptions.triangle,
      settings: {
        options: [
          { value: 'full', label: 'Full' },
          { value: 'lower', label: 'Lower' },
          { value: 'upper', label: 'Upper' },
        ],
      },
    })
    .addBooleanSwitch({
      path: 'showValues',
      name: 'Show values',
      description: 'Print r in cells large enough to hold it.',
      defaultValue: defaultMatrixOptions.showValues,
    })
);
