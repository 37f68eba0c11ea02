// Must stay first: moves webpack's public path to the app root before any lazy chunk (worker, engine) loads.
import './publicPath';
import { PanelPlugin } from '@grafana/data';
import { correlationFieldConfig, TIME_SERIES_MODE } from '../common/fieldConfig';
import { MatrixPanel } from './MatrixPanel';
import { migrateMatrixPanel } from './migrations';
import { defaultMatrixOptions as d, MatrixOptions } from './types';

const DISPLAY = 'Display';
export const plugin = new PanelPlugin<MatrixOptions>(MatrixPanel)
  .setMigrationHandler(migrateMatrixPanel)
  .useFieldConfig(correlationFieldConfig)
  .setPanelOptions((builder) =>
    builder
      .addRadio({
        path: 'layout',
        name: 'Layout',
        description: 'All signals against all, or model signals as rows against infrastructure signals as columns.',
        category: [DISPLAY],
        defaultValue: d.layout,
        settings: {
          options: [
            { value: 'all', label: 'All x all' },
            { value: 'model-infra', label: 'Model x infra' },
          ],
        },
      })
      .addRadio({
        path: 'triangle',
        name: 'Triangle',
        description: 'Which part of the symmetric matrix to draw (all x all only).',
        category: [DISPLAY],
        defaultValue: d.triangle,
        showIf: (o) => o.layout === 'all',
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
        category: [DISPLAY],
        defaultValue: d.showValues,
      })
      .addBooleanSwitch({
        path: 'clusterOrder',
        name: 'Cluster order',
        description: 'Order rows and columns so that related signals sit together.',
        category: [DISPLAY],
        defaultValue: d.clusterOrder,
      })
      .addBooleanSwitch({
        path: 'showDendrogram',
        name: 'Dendrogram',
        description: 'Draw the clustering tree next to the matrix.',
        category: [DISPLAY],
        defaultValue: d.showDendrogram,
        showIf: (o) => o.clusterOrder && o.layout === 'all',
      })
      .addRadio({
        path: 'significance',
        name: 'Non-significant cells',
        description: 'How to show cells whose q-value is above alpha.',
        category: [DISPLAY],
        defaultValue: d.significance,
        settings: {
          options: [
            { value: 'fade', label: 'Fade' },
            { value: 'hatch', label: 'Hatch' },
            { value: 'none', label: 'As is' },
          ],
        },
      })
      .addBooleanSwitch({
        path: 'reverseColors',
        name: 'Reverse colours',
        description: 'Positive correlations blue, negative red.',
        category: [DISPLAY],
        defaultValue: d.reverseColors,
      })
      .addBooleanSwitch({
        path: 'verdictLine',
        name: 'Verdict line',
        description:
          'One line per model signal above the matrix: infrastructure, data drift, confounded, inconclusive or no change, with a link to the incident page. Needs the verdict switched on in the InfraDrift query.',
        category: [DISPLAY],
        defaultValue: d.verdictLine,
      })
      .addRadio({
        path: 'method',
        name: 'Method',
        description: 'Correlation method when the panel computes from plain time series.',
        category: [TIME_SERIES_MODE],
        defaultValue: d.method,
        settings: {
          options: [
            { value: 'pearson', label: 'Pearson' },
            { value: 'spearman', label: 'Spearman' },
            { value: 'kendall', label: 'Kendall' },
          ],
        },
      })
      .addNumberInput({
        path: 'maxLag',
        name: 'Max lag (steps)',
        description: 'Largest lead/lag searched, in query steps. 0 turns the lag search off.',
        category: [TIME_SERIES_MODE],
        defaultValue: d.maxLag,
        settings: { min: 0, max: 500, integer: true },
      })
      .addTextInput({
        path: 'modelPattern',
        name: 'Model signals',
        description:
          'Regular expression: series whose name matches are model signals (rows in the model x infra layout).',
        category: [TIME_SERIES_MODE],
        defaultValue: d.modelPattern,
      })
  );
