// Must stay first: moves webpack's public path to the app root before any lazy chunk (worker, engine) loads.
import './publicPath';
import { PanelPlugin } from '@grafana/data';
import { correlationFieldConfig, TIME_SERIES_MODE } from '../common/fieldConfig';
import { LagPanel } from './LagPanel';
import { migrateLagPanel } from './migrations';
import { defaultLagOptions as d, LagOptions } from './types';

export const plugin = new PanelPlugin<LagOptions>(LagPanel)
  .setMigrationHandler(migrateLagPanel)
  .useFieldConfig(correlationFieldConfig)
  .setPanelOptions((builder) =>
    builder
      .addRadio({
        path: 'layout',
        name: 'Layout',
        description: 'One chart per pair, or all pairs on one chart.',
        defaultValue: d.layout,
        settings: {
          options: [
            { value: 'multiples', label: 'Small multiples' },
            { value: 'overlay', label: 'Overlay' },
          ],
        },
      })
      .addNumberInput({
        path: 'maxPairs',
        name: 'Pairs shown',
        description: 'Most pairs drawn, strongest first.',
        defaultValue: d.maxPairs,
        settings: { min: 1, max: 100, integer: true },
      })
      .addTextInput({
        path: 'target',
        name: 'Target series',
        description: 'Name of the series every other series is lagged against (empty: the first series).',
        category: [TIME_SERIES_MODE],
        defaultValue: d.target,
      })
      .addNumberInput({
        path: 'maxLag',
        name: 'Max lag (steps)',
        description: 'Largest lead/lag searched, in query steps.',
        category: [TIME_SERIES_MODE],
        defaultValue: d.maxLag,
        settings: { min: 1, max: 1000, integer: true },
      })
  );
