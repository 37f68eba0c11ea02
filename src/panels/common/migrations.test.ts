import type { PanelMigrationHandler } from '@grafana/data';
import { provisionedPanels } from '../../testing/provisionedDashboard';
import { plugin as lagPlugin } from '../lag/module';
import { migrateLagPanel } from '../lag/migrations';
import { defaultLagOptions } from '../lag/types';
import { plugin as matrixPlugin } from '../matrix/module';
import { migrateMatrixPanel } from '../matrix/migrations';
import { defaultMatrixOptions } from '../matrix/types';
import { isOlderVersion, migrateOptions, OptionsStep, SavedPanel } from './migrations';

// The modules are loaded to check the wiring only; jsdom has no Worker.
jest.mock('../../worker', () => ({ AnalysisCancelled: class extends Error {}, getAnalysisClient: () => undefined }));

const model = (options: unknown, pluginVersion?: string): SavedPanel =>
  ({ id: 1, type: 'x', options, fieldConfig: { defaults: {}, overrides: [] }, pluginVersion }) as SavedPanel;

describe.each([
  ['infradrift-matrix-panel', migrateMatrixPanel, defaultMatrixOptions, matrixPlugin.onPanelMigration],
  ['infradrift-lag-panel', migrateLagPanel, defaultLagOptions, lagPlugin.onPanelMigration],
] as Array<[string, PanelMigrationHandler, object, unknown]>)('%s', (type, migrate, defaults, wired) => {
  const saved = provisionedPanels().filter((p) => p.type === type);

  it('is the migration handler its module registers', () => {
    expect(wired).toBe(migrate);
  });

  it('keeps the meaning of the panel saved in the provisioned dashboard: saved values kept, the rest today’s defaults', () => {
    expect(saved).toHaveLength(1);
    for (const panel of saved) {
      const before = JSON.stringify(panel);
      expect(panel.pluginVersion).toBeUndefined(); // saved before versioning
      expect(migrate(panel)).toStrictEqual({ ...defaults, ...(panel.options ?? {}) });
      expect(JSON.stringify(panel)).toBe(before);
    }
  });

  it('reads absent, null or malformed options as today’s defaults', () => {
    for (const options of [undefined, null, 'text', [1]]) {
      expect(migrate(model(options))).toStrictEqual(defaults);
    }
  });
});

describe('the options migration ladder', () => {
  const rename: OptionsStep = {
    before: '0.3.0',
    apply: ({ old, ...rest }) => ({ ...rest, renamed: old }),
  };
  const double: OptionsStep = {
    before: '1.0.0',
    apply: (o) => ({ ...o, renamed: Number(o.renamed) * 2 }),
  };

  it('applies, in order, only the steps newer than the version that saved the panel', () => {
    expect(migrateOptions(model({ old: 2 }), { renamed: 0 }, [rename, double])).toStrictEqual({ renamed: 4 });
    expect(migrateOptions(model({ renamed: 2 }, '0.3.0'), { renamed: 0 }, [rename, double])).toStrictEqual({
      renamed: 4,
    });
    expect(migrateOptions(model({ renamed: 2 }, '1.0.0'), { renamed: 0 }, [rename, double])).toStrictEqual({
      renamed: 2,
    });
  });

  it('compares versions as numbers, and reads what is no x.y.z version as the oldest', () => {
    expect(isOlderVersion('0.9.0', '0.10.0')).toBe(true);
    expect(isOlderVersion('0.10.0', '0.9.0')).toBe(false);
    expect(isOlderVersion('1.2.3', '1.2.3')).toBe(false);
    expect(isOlderVersion('1.2.3-beta.1', '1.2.4')).toBe(true);
    expect(isOlderVersion(undefined, '0.0.1')).toBe(true);
    expect(isOlderVersion('%VERSION%', '0.0.1')).toBe(true);
  });
});
