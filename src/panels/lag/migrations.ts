import type { PanelMigrationHandler } from '@grafana/data';
import { migrateOptions, OptionsStep } from '../common/migrations';
import { defaultLagOptions, LagOptions } from './types';

/** Changes of the lag panel's saved options, oldest first (none yet: today's options are the first shape). */
export const LAG_OPTION_STEPS: OptionsStep[] = [];

export const migrateLagPanel: PanelMigrationHandler<LagOptions> = (panel) =>
  migrateOptions(panel, defaultLagOptions, LAG_OPTION_STEPS);
