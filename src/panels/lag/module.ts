import { PanelPlugin } from '@grafana/data';
import { LagPanel } from './LagPanel';
import { defaultLagOptions, LagOptions } from './types';

export const plugin = new PanelPlugin<LagOptions>(LagPanel).setPanelOptions((builder) =>
  builder.addRadio({
    path: 'layout',
    name: 'Layout',
    description: 'One chart per pair, or all pairs on one chart.',
    defaultValue: defaultLagOptions.layout,
    settings: {
      options: [
        { value: 'multiples', label: 'Small multiples' },
        { value: 'overlay', label: 'Overlay' },
      ],
    },
  })
);
