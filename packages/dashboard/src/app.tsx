import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { NavLink, Route, Routes, useLocation } from 'react-router';
import type { LiveState } from './api/live-updates.js';
import { listenToLiveUpdates, POLL_MS } from './api/live-updates.js';
import { clearApiKey, UNAUTHORIZED_EVENT } from './api/credentials.js';
import { ErrorBoundary } from './components/error-boundary.js';
import { SignIn } from './components/sign-in.js';
import { FleetPage } from './pages/fleet-page.js';

// The pages that draw charts load with ECharts, in chunks of their own; the fleet table shows without them.
const ModelPage = lazy(() => import('./pages/model-page.js'));
const FeaturePage = lazy(() => import('./pages/feature-page.js'));
const WindowPage = lazy(() => import('./pages/window-page.js'));
const AlertsPage = lazy(() => import('./pages/alerts-page.js'));
const AlertPage = lazy(() => import('./pages/alert-page.js'));
const RegistryPage = lazy(() => import('./pages/registry-page.js'));
const RegistryModelPage = lazy(() => import('./pages/registry-model-page.js'));

const LIVE_TEXT: Record<LiveState, string> = { connecting: 'Connecting…', live: 'Live', polling: `Polling every ${POLL_MS / 1000} s` };

/**
 * The layout (navigation, live-update state) and the routes.
 *
 * @example
 * <BrowserRouter><App /></BrowserRouter>
 */
export function App() {
  const queryClient = useQueryClient();
  const [live, setLive] = useState<LiveState>('connecting');
  const location = useLocation();
  const [signInNeeded, setSignInNeeded] = useState(false);

  useEffect(() => {
    // A 401 means no key, or one expired or revoked: forget it and ask for one.
    const onUnauthorized = (): void => {
      clearApiKey();
      setSignInNeeded(true);
    };
    window.addEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
    return () => window.removeEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
  }, []);

  useEffect(() => listenToLiveUpdates(queryClient, setLive), [queryClient]);
  useEffect(() => {
    // Without the event stream, every query polls; with it, events mark queries stale.
    queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, refetchInterval: live === 'live' ? false : POLL_MS } });
  }, [live, queryClient]);

  return (
    <>
      <header className="topbar">
        <span className="brand">Bothub</span>
        <nav aria-label="Main">
          <NavLink to="/" end>
            Fleet
          </NavLink>
          <NavLink to="/alerts">Alerts</NavLink>
          <NavLink to="/registry">Registry</NavLink>
        </nav>
        <span className={`live live-${live}`} role="status" aria-live="polite">
          {LIVE_TEXT[live]}
        </span>
      </header>
      <main>
        {signInNeeded ? (
          <SignIn
            onSignedIn={() => {
              setSignInNeeded(false);
              void queryClient.invalidateQueries();
            }}
          />
        ) : (
        <ErrorBoundary key={location.pathname}>
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <Routes>
            <Route path="/" element={<FleetPage />} />
            <Route path="/models/:model" element={<ModelPage />} />
            <Route path="/models/:model/features/:feature" element={<FeaturePage />} />
            <Route path="/models/:model/windows/:window" element={<WindowPage />} />
            <Route path="/alerts" element={<AlertsPage />} />
            <Route path="/alerts/:alert" element={<AlertPage />} />
            <Route path="/registry" element={<RegistryPage />} />
            <Route path="/registry/:model" element={<RegistryModelPage />} />
            <Route path="*" element={<p>No such page.</p>} />
          </Routes>
        </Suspense>
        </ErrorBoundary>
        )}
      </main>
    </>
  );
}
