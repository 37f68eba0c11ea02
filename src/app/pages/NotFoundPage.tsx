import React from 'react';
import { textUtil } from '@grafana/data';
import { t, Trans } from '@grafana/i18n';
import { PluginPage } from '@grafana/runtime';
import { Alert, Stack, TextLink } from '@grafana/ui';
import { useLocation } from 'react-router-dom-v5-compat';
import { prefixRoute, ROUTES } from '../routes';

/** Any URL under the app that names no page: says so (a bookmark to a page that does not exist), and leads home. */
export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <PluginPage>
      <Stack direction="column" gap={2}>
        <Alert severity="warning" title={t('not-found.title', 'No such page')}>
          <Trans i18nKey="not-found.body" values={{ pathname }}>
            InfraDrift has no page at {'{{pathname}}'}.
          </Trans>
        </Alert>
        <div>
          <TextLink href={textUtil.sanitizeUrl(prefixRoute(ROUTES.Overview))} inline={false}>
            {t('not-found.overview-link', 'Go to the InfraDrift overview')}
          </TextLink>
        </div>
      </Stack>
    </PluginPage>
  );
}
