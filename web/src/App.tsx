import { lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { AppHeader } from './components/AppHeader';
import { Loading } from './components/QueryStatus';
import { CodePage } from './pages/CodePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { RegionBrowserPage } from './pages/RegionBrowserPage';
import { SearchPage } from './pages/SearchPage';

// The two heavy parts load only where they are used: Cytoscape.js and GraphiQL.
const GraphPage = lazy(() => import('./pages/GraphPage'));
const GraphiQLPage = lazy(() => import('./pages/GraphiQLPage'));

/** Every page has its own URL (the server answers each with index.html). */
export function App() {
  return (
    <Switch>
      <Route path="/graphiql">
        <Suspense fallback={<Loading what="GraphiQL" />}>
          <main id="main" className="graphiql-main">
            <GraphiQLPage />
          </main>
        </Suspense>
      </Route>
      <Route>
        <AppHeader />
        <main id="main" tabIndex={-1}>
          <Suspense fallback={<Loading what="the page" />}>
            <Switch>
              <Route path="/" component={SearchPage} />
              <Route path="/search" component={SearchPage} />
              <Route path="/code/:system/:code" component={CodePage} />
              <Route path="/graph" component={GraphPage} />
              <Route path="/graph/:system/:code" component={GraphPage} />
              <Route path="/regions" component={RegionBrowserPage} />
              <Route path="/regions/:id" component={RegionBrowserPage} />
              <Route>
                <NotFoundPage />
              </Route>
            </Switch>
          </Suspense>
        </main>
      </Route>
    </Switch>
  );
}
