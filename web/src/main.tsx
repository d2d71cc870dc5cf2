import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { Providers } from './app/providers';
import { AppRouter } from './app/router';

// Customers' self-service page (/my) is an entry of its own: its own session, routes and code, loaded on demand,
// so the workbench's first load does not carry it.
const MyApp = lazy(() => import('./my/my-app'));
const isSelfService = /^\/my(\/|$)/.test(window.location.pathname);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {isSelfService ? (
      <Suspense fallback={null}>
        <MyApp />
      </Suspense>
    ) : (
      <Providers>
        <AppRouter />
      </Providers>
    )}
  </StrictMode>,
);
