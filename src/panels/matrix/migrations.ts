import type { PanelMigrationHandler } from '@grafana/data';
import { migrateOptions, OptionsStep } from '../common/migrations';
import { defaultMatrixOptions, MatrixOptions } from './types';

/** Changes of the matrix panel's saved options, oldest first (none yet: today's options are the first shape). */
export const MATRIX_OPTION_STEPS: OptionsStep[] = [];

export const migrateMatrixPanel: PanelMigrationHandler<MatrixOptions> = (panel) =>
  migrateOptions(panel, defaultMatrixOptions, MATRIX_OPTION_STEPS);
