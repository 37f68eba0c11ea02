/**
 * The shared dependencies Grafana hands to plugins (a subset of Grafana's own list), taken from the
 * same pinned npm packages the plugin is built against. A plugin asking for anything else fails loudly.
 */
import * as emotionCss from '@emotion/css';
import * as emotionReact from '@emotion/react';
import * as grafanaData from '@grafana/data';
import * as grafanaI18n from '@grafana/i18n';
import * as grafanaRuntime from '@grafana/runtime';
import * as grafanaSchema from '@grafana/schema';
import * as grafanaUi from '@grafana/ui';
import i18next from 'i18next';
import lodash from 'lodash';
// eslint-disable-next-line no-restricted-imports -- Grafana hands moment to plugins, so the host must too.
import moment from 'moment';
import * as React from 'react';
import * as ReactDOM from 'react-dom';
import * as jsxRuntime from 'react/jsx-runtime';
import * as reactRouterCompat from 'react-router-dom-v5-compat';
import * as rxjs from 'rxjs';
import * as rxjsOperators from 'rxjs/operators';
import { provide } from './amd';
import { SandboxPluginPage } from './appPage';

export function provideSharedDependencies() {
  provide('react', React);
  provide('react-dom', ReactDOM);
  provide('react/jsx-runtime', jsxRuntime);
  provide('@grafana/data', grafanaData);
  provide('@grafana/ui', grafanaUi);
  // Grafana puts its own PluginPage into @grafana/runtime at start-up (with setPluginPage, internal to the
  // package); the host hands plugins a runtime whose PluginPage is its stand-in, all else the real module.
  provide(
    '@grafana/runtime',
    Object.create(grafanaRuntime, { PluginPage: { value: SandboxPluginPage, enumerable: true } })
  );
  provide('@grafana/schema', grafanaSchema);
  provide('@grafana/i18n', grafanaI18n);
  provide('@emotion/css', emotionCss);
  provide('@emotion/react', emotionReact);
  provide('rxjs', rxjs);
  provide('rxjs/operators', rxjsOperators);
  provide('lodash', lodash);
  provide('moment', moment);
  provide('i18next', i18next);
  // Grafana's React Router v6 for plugins: it hands out its v5-compat package under the name "react-router".
  provide('react-router', reactRouterCompat);
}
