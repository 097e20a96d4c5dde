/**
 * online.html, served at /o/<unitCode> (the form) and /o/<unitCode>/poster (the printable poster with
 * its QR code, loaded only when asked for); built on Preact (vite.respondent.config.ts).
 */
import { lazy, Suspense } from 'react';
import { NotFound } from '@/app/routes/not-found';
import OnlinePage from '@/features/online-survey/components/online-page';
import { tr } from '@/lib/i18n';
import { mount } from './mount';

const PosterPage = lazy(() => import('@/features/online-survey/components/poster-page'));

function OnlineFrontDoor({ path }: { path: string }) {
  const m = /^\/o\/([A-Za-z0-9_-]+)(\/poster)?\/?$/.exec(path);
  if (!m?.[1]) return <NotFound />;
  const params = { unitCode: decodeURIComponent(m[1]) };
  if (!m[2]) return <OnlinePage params={params} />;
  return (
    <Suspense
      fallback={
        <p className="loading" role="status">
          {tr('Đang tải…', 'Loading…')}
        </p>
      }
    >
      <PosterPage params={params} />
    </Suspense>
  );
}

mount(<OnlineFrontDoor path={window.location.pathname} />);
