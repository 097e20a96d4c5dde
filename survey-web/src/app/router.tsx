/**
 * A tiny path router for the web app's front doors. Each front door is lazy-loaded so the kiosk
 * bundle carries only the kiosk. Feature folders register here and nowhere else.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface RouteMatch {
  Component:
    LazyExoticComponent<ComponentType<{ params: Record<string, string> }>> | ComponentType<{ params: Record<string, string> }>;
  params: Record<string, string>;
}

interface RouteDef {
  pattern: RegExp;
  keys: string[];
  Component: RouteMatch['Component'];
}

const Home = lazy(() => import('@/app/routes/home'));
const StaffSurvey = lazy(() => import('@/features/staff-survey/components/staff-survey-page'));
const StaffOptOut = lazy(() => import('@/features/staff-survey/components/opt-out-page'));
const Admin = lazy(() => import('@/features/dashboard/components/admin-page'));
const UsersAdmin = lazy(() => import('@/features/accounts/components/users-page'));
const AuditLog = lazy(() => import('@/features/audit/components/audit-page'));
const FirstAdmin = lazy(() => import('@/features/accounts/components/first-admin-page'));
const KioskAdmin = lazy(() => import('@/features/kiosk-admin/components/kiosks-page'));
const UnitsAdmin = lazy(() => import('@/features/units-admin/components/units-page'));
const EnumeratorPage = lazy(() => import('@/features/enumerator/components/enumerator-page'));
const SupervisionPage = lazy(() => import('@/features/supervision/components/supervision-page'));
const SamplingPlanPage = lazy(() => import('@/features/sampling-plan/components/plan-page'));
const FieldworkAdmin = lazy(() => import('@/features/fieldwork-admin/components/fieldwork-page'));
const ParResults = lazy(() => import('@/features/par-results/components/par-page'));
const SipasResults = lazy(() => import('@/features/sipas-results/components/results-page'));
const Kiosk = lazy(() => import('@/features/kiosk/components/kiosk-page'));
const OnlineForm = lazy(() => import('@/features/online-survey/components/online-page'));
const OnlinePoster = lazy(() => import('@/features/online-survey/components/poster-page'));

export const routes: RouteDef[] = [
  { pattern: /^\/$/, keys: [], Component: Home },
  { pattern: /^\/s\/([A-Za-z0-9_-]+)\/?$/, keys: ['token'], Component: StaffSurvey },
  { pattern: /^\/s\/([A-Za-z0-9_-]+)\/opt-out\/?$/, keys: ['token'], Component: StaffOptOut },
  { pattern: /^\/admin\/?$/, keys: [], Component: Admin },
  { pattern: /^\/admin\/kiosks\/?$/, keys: [], Component: KioskAdmin },
  { pattern: /^\/admin\/units\/?$/, keys: [], Component: UnitsAdmin },
  { pattern: /^\/admin\/users\/?$/, keys: [], Component: UsersAdmin },
  { pattern: /^\/admin\/audit\/?$/, keys: [], Component: AuditLog },
  { pattern: /^\/admin\/par(?:\/([^/]*))?\/?$/, keys: ['year'], Component: ParResults },
  { pattern: /^\/setup\/?$/, keys: [], Component: FirstAdmin },
  { pattern: /^\/admin\/campaigns\/([0-9a-f-]{36})\/?$/, keys: ['campaignId'], Component: Admin },
  { pattern: /^\/admin\/campaigns\/([0-9a-f-]{36})\/fieldwork\/?$/, keys: ['campaignId'], Component: FieldworkAdmin },
  { pattern: /^\/admin\/campaigns\/([0-9a-f-]{36})\/results\/?$/, keys: ['campaignId'], Component: SipasResults },
  { pattern: /^\/admin\/campaigns\/([0-9a-f-]{36})\/plan\/?$/, keys: ['campaignId'], Component: SamplingPlanPage },
  { pattern: /^\/e\/?$/, keys: [], Component: EnumeratorPage },
  { pattern: /^\/supervision\/?$/, keys: [], Component: SupervisionPage },
  { pattern: /^\/supervision\/([^/]+)\/?$/, keys: ['campaignId'], Component: SupervisionPage },
  { pattern: /^\/k\/?$/, keys: [], Component: Kiosk },
  { pattern: /^\/o\/([A-Za-z0-9_-]+)\/poster\/?$/, keys: ['unitCode'], Component: OnlinePoster },
  { pattern: /^\/o\/([A-Za-z0-9_-]+)\/?$/, keys: ['unitCode'], Component: OnlineForm },
];

export function matchRoute(pathname: string): RouteMatch | null {
  for (const r of routes) {
    const m = r.pattern.exec(pathname);
    if (m)
      return {
        Component: r.Component,
        params: Object.fromEntries(r.keys.map((k, i) => [k, decodeURIComponent(m[i + 1] ?? '')])),
      };
  }
  return null;
}
