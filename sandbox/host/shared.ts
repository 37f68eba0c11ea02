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
import * as rxjs from 'rxjs';
import * as rxjsOperators from 'rxjs/operators';
import { provide } from './amd';

export function provideSharedDependencies() {
  provide('react', React);
  provide('react-dom', ReactDOM);
  provide('react/jsx-runtime', jsxRuntime);
  provide('@grafana/data', grafanaData);
  provide('@grafana/ui', grafanaUi);
  provide('@grafana/runtime', grafanaRuntime);
  provide('@grafana/schema', grafanaSchema);
  provide('@grafana/i18n', grafanaI18n);
  provide('@emotion/css', emotionCss);
  provide('@emotion/react', emotionReact);
  provide('rxjs', rxjs);
  provide('rxjs/operators', rxjsOperators);
  provide('lodash', lodash);
  provide('moment', moment);
  provide('i18next', i18next);
}
