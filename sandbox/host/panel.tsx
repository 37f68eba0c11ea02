import React from 'react';
import {
  DataFrame,
  dateTime,
  EventBusSrv,
  LoadingState,
  PanelData,
  PanelOptionsEditorBuilder,
  PanelPlugin,
  TimeRange,
} from '@grafana/data';
import { PanelChrome } from '@grafana/ui';

export interface PanelMount {
  plugin: PanelPlugin;
  title: string;
  frames: DataFrame[];
  options?: Record<string, unknown>;
  width: number;
  height: number;
  timeRange: { from: number; to: number };
  state?: LoadingState;
  errorMessage?: string;
  /** The panel's "⋮" menu, built when it opens (see panelMenu.tsx). */
  menu?: () => React.ReactElement;
}

/** Options with defaults filled from the plugin's options builder, as Grafana does for a new panel. */
export function optionsWithDefaults(plugin: PanelPlugin, given: Record<string, unknown> = {}) {
  const builder = new PanelOptionsEditorBuilder();
  plugin.getPanelOptionsSupplier()(builder, { data: [] });
  const options: Record<string, unknown> = {};
  for (const item of builder.getItems()) {
    if (item.defaultValue !== undefined) {
      options[item.path] = item.defaultValue;
    }
  }
  return { ...options, ...given };
}

/** A panel inside Grafana's own PanelChrome, with real PanelProps. */
export function SandboxPanel(props: PanelMount) {
  const { plugin, title, frames, width, height } = props;
  const Panel = plugin.panel;
  const [options, setOptions] = React.useState(() => optionsWithDefaults(plugin, props.options));
  const [fieldConfig, setFieldConfig] = React.useState({ defaults: {}, overrides: [] });
  const eventBus = React.useMemo(() => new EventBusSrv(), []);
  const { from, to } = props.timeRange;
  const range: TimeRange = React.useMemo(
    () => ({ from: dateTime(from), to: dateTime(to), raw: { from: dateTime(from), to: dateTime(to) } }),
    [from, to]
  );
  const data: PanelData = {
    state: props.state ?? LoadingState.Done,
    series: frames,
    timeRange: range,
    errors: props.errorMessage ? [{ message: props.errorMessage }] : undefined,
  };
  if (!Panel) {
    return <div>panel plugin has no component</div>;
  }
  return (
    <PanelChrome title={title} width={width} height={height} statusMessage={props.errorMessage} menu={props.menu}>
      {(innerWidth, innerHeight) => (
        <Panel
          id={1}
          data={data}
          timeRange={range}
          timeZone="utc"
          options={options}
          fieldConfig={fieldConfig}
          transparent={false}
          width={innerWidth}
          height={innerHeight}
          renderCounter={0}
          title={title}
          eventBus={eventBus}
          onOptionsChange={(next) => setOptions(next)}
          onFieldConfigChange={(next) => setFieldConfig(next as typeof fieldConfig)}
          replaceVariables={(value: string) => value}
          onChangeTimeRange={() => undefined}
        />
      )}
    </PanelChrome>
  );
}
