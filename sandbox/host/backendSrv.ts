import { BackendSrv, setBackendSrv } from '@grafana/runtime';

/**
 * The host's stand-in for Grafana's HTTP API, as far as the app's pages read it: dashboards by uid
 * (`GET /api/dashboards/uid/<uid>`, the incident page reuses an InfraDrift panel's query). Tests and
 * the demo register dashboards; anything else is refused the way Grafana refuses it (a FetchError).
 */
const dashboards = new Map<string, unknown>();

export function registerDashboard(uid: string, dashboard: unknown) {
  dashboards.set(uid, dashboard);
}

function notFound(url: string, message: string) {
  return Promise.reject({ status: 404, statusText: 'Not Found', data: { message }, config: { url } });
}

export function installBackendSrv() {
  const get = (url: string) => {
    const uid = /^\/?api\/dashboards\/uid\/([^/?]+)$/.exec(url)?.[1];
    if (uid === undefined) {
      return notFound(url, `the sandbox does not serve ${url}`);
    }
    const dashboard = dashboards.get(decodeURIComponent(uid));
    return dashboard ? Promise.resolve({ dashboard, meta: {} }) : notFound(url, 'Dashboard not found');
  };
  setBackendSrv({ get } as unknown as BackendSrv);
}
