import { FieldConfigProperty, SetFieldConfigOptionsArgs } from '@grafana/data';

/**
 * Field config of both panels: correlations are unitless in -1..1, so of Grafana's standard options
 * only Decimals applies (set through field config, as in Grafana's own panels).
 */
export const correlationFieldConfig: SetFieldConfigOptionsArgs = {
  standardOptions: { [FieldConfigProperty.Decimals]: { defaultValue: 2 } },
  disableStandardOptions: [
    FieldConfigProperty.Unit,
    FieldConfigProperty.Min,
    FieldConfigProperty.Max,
    FieldConfigProperty.Color,
    FieldConfigProperty.Thresholds,
    FieldConfigProperty.Mappings,
    FieldConfigProperty.NoValue,
    FieldConfigProperty.DisplayName,
  ],
};

/** Options category of the settings used only when a panel computes from plain time series itself. */
export const TIME_SERIES_MODE = 'Time series mode (panel computes)';
