import React from 'react';
import { render, screen } from '@testing-library/react';
import { AppRootProps } from '@grafana/data';
import { MemoryRouter, Route, Routes } from 'react-router-dom-v5-compat';
import { plugin } from '../module';
import pluginJson from '../plugin.json';
import { PLUGIN_BASE_URL, prefixRoute, ROUTES } from './routes';

// jsdom has no Worker; the incident page's analysis client is never started here.
jest.mock('../worker', () => ({
  AnalysisCancelled: class AnalysisCancelled extends Error {},
  getAnalysisClient: () => ({ run: jest.fn() }),
}));

/** Renders the app's root page as Grafana does: under its router, for every path below the app's base URL. */
function renderAt(path: string) {
  const Root = plugin.root as React.ComponentType<AppRootProps>;
  const props = {
    meta: pluginJson,
    basename: PLUGIN_BASE_URL,
    path,
    query: {},
    onNavChanged: () => undefined,
  } as unknown as AppRootProps;
  return render(
    <MemoryRouter initialEntries={[path]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      <Routes>
        <Route path={`${PLUGIN_BASE_URL}/*`} element={<Root {...props} />} />
      </Routes>
    </MemoryRouter>
  );
}

describe('app routes', () => {
  it.each([PLUGIN_BASE_URL, `${PLUGIN_BASE_URL}/`])(
    'serves the overview at %s, with its translated strings',
    async (path) => {
      renderAt(path);
      // The first render loads the lazy app and its translations: seconds on a busy CI machine, not 1 s.
      const page = await screen.findByTestId('infradrift-app-root', {}, { timeout: 15_000 });
      expect(page).toHaveTextContent('When a model degrades, InfraDrift tells you whether the infrastructure');
      expect(page).toHaveTextContent('Correlation matrix panel: clustered heatmap');
    }
  );

  it('says so for a path that names no page, showing the path as text, with a link to the overview', async () => {
    renderAt(`${PLUGIN_BASE_URL}/nowhere/<b>x</b>`);
    expect(await screen.findByText('No such page', {}, { timeout: 15_000 })).toBeInTheDocument();
    expect(screen.getByText(/has no page at \/a\/infradrift-correlation-app\/nowhere\/<b>x<\/b>/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the InfraDrift overview' })).toHaveAttribute(
      'href',
      PLUGIN_BASE_URL
    );
  });

  it('builds page URLs under the app’s base URL, and plugin.json lists the pages that exist', () => {
    expect(prefixRoute(ROUTES.Incidents)).toBe('/a/infradrift-correlation-app/incidents');
    const pages = pluginJson.includes.filter((i) => i.type === 'page').map((i) => i.path);
    expect(pages).toEqual([prefixRoute(ROUTES.Overview), prefixRoute(ROUTES.Incidents)]);
  });
});
