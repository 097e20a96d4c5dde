import { Suspense, useEffect, useState } from 'react';
import { matchRoute } from '@/app/router';
import { NotFound } from '@/app/routes/not-found';
import { tr } from '@/lib/i18n';

export function navigate(to: string): void {
  window.history.pushState({}, '', to);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function App() {
  const [path, setPath] = useState(window.location.pathname);
  useEffect(() => {
    const onPop = () => setPath(window.location.pathname);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const match = matchRoute(path);
  if (!match) return <NotFound />;
  const { Component, params } = match;
  return (
    <Suspense
      fallback={
        <p className="loading" role="status">
          {tr('Đang tải…', 'Loading…')}
        </p>
      }
    >
      <Component params={params} />
    </Suspense>
  );
}
