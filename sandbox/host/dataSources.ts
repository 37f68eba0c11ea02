import {
  DataSourceApi,
  DataSourceInstanceSettings,
  DataSourcePluginMeta,
  DataSourceRef,
  ScopedVars,
} from '@grafana/data';
import { DataSourceSrv, setDataSourceSrv, setTemplateSrv, TemplateSrv } from '@grafana/runtime';

/**
 * The host's DataSourceSrv: InfraDrift asks it for the user's data sources by `{type, uid}` as it
 * would ask Grafana's. Tests register data source instances here (e.g. a Prometheus stand-in that
 * calls a real Prometheus HTTP API).
 */
class SandboxDataSourceSrv implements DataSourceSrv {
  private readonly byUid = new Map<string, DataSourceApi>();
  private readonly settings = new Map<string, DataSourceInstanceSettings>();

  register(ds: DataSourceApi, settings: DataSourceInstanceSettings) {
    this.byUid.set(ds.uid, ds);
    this.settings.set(ds.uid, settings);
  }

  remove(uid: string) {
    this.byUid.delete(uid);
    this.settings.delete(uid);
  }

  private resolve(ref?: DataSourceRef | string | null): DataSourceApi | undefined {
    if (ref === undefined || ref === null) {
      return [...this.byUid.values()].find((ds) => this.settings.get(ds.uid)?.isDefault);
    }
    const key = typeof ref === 'string' ? ref : ref.uid;
    return key === undefined
      ? undefined
      : (this.byUid.get(key) ?? [...this.byUid.values()].find((d) => d.name === key));
  }

  async get(ref?: DataSourceRef | string | null, _scopedVars?: ScopedVars): Promise<DataSourceApi> {
    const ds = this.resolve(ref);
    if (!ds) {
      // Grafana's own wording for a missing data source.
      throw new Error(`Datasource ${typeof ref === 'string' ? ref : ref?.uid} was not found`);
    }
    return ds;
  }

  getList(): DataSourceInstanceSettings[] {
    return [...this.settings.values()];
  }

  getInstanceSettings(ref?: DataSourceRef | string | null): DataSourceInstanceSettings | undefined {
    const ds = this.resolve(ref);
    return ds ? this.settings.get(ds.uid) : undefined;
  }

  async reload() {}

  registerRuntimeDataSource() {}
}

/** Template variables: a plain `$name` / `${name}` substitution over host-set values. */
class SandboxTemplateSrv implements TemplateSrv {
  private values: Record<string, string> = {};

  setValues(values: Record<string, string>) {
    this.values = values;
  }

  /** The dashboard's variables with their current values, in the shape Grafana's list has (name, current). */
  getVariables() {
    return Object.entries(this.values).map(([name, value]) => ({
      name,
      current: { value, text: value },
    })) as unknown as ReturnType<TemplateSrv['getVariables']>;
  }

  replace(target?: string, scopedVars?: ScopedVars): string {
    if (!target) {
      return '';
    }
    return target.replace(/\$\{(\w+)(?::[^}]*)?\}|\$(\w+)/g, (match, braced, plain) => {
      const name = braced ?? plain;
      const scoped = scopedVars?.[name]?.value;
      if (scoped !== undefined) {
        return String(scoped);
      }
      return name in this.values ? this.values[name] : match;
    });
  }

  containsTemplate(target?: string) {
    return !!target && /\$\{?\w+/.test(target);
  }

  updateTimeRange() {}
}

let nextId = 1;

export const dataSourceSrv = new SandboxDataSourceSrv();
export const templateSrv = new SandboxTemplateSrv();

export function installServices() {
  setDataSourceSrv(dataSourceSrv);
  setTemplateSrv(templateSrv);
}

/** Instance settings as Grafana builds them from a provisioned data source and the plugin's plugin.json. */
export function instanceSettings<T>(
  meta: DataSourcePluginMeta,
  uid: string,
  name: string,
  jsonData: T,
  isDefault = false
): DataSourceInstanceSettings<T & { [key: string]: unknown }> {
  return {
    id: nextId++,
    uid,
    type: meta.id,
    name,
    meta,
    jsonData: jsonData as T & { [key: string]: unknown },
    access: 'proxy',
    readOnly: true,
    isDefault,
  } as unknown as DataSourceInstanceSettings<T & { [key: string]: unknown }>;
}
