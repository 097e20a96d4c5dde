/**
 * A tiny path router for the staff console's pages (index.html), each lazy-loaded. The respondent
 * apps (/k, /o/<unit>, /e) are not here: they are their own HTML entries on Preact
 * (src/app/entries, vite.respondent.config.ts). Feature folders register here and nowhere else.
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
const FocalUnit = lazy(() => import('@/features/focal-unit/components/focal-page'));
const FirstAdmin = lazy(() => import('@/features/accounts/components/first-admin-page'));
const KioskAdmin = lazy(() => import('@/features/kiosk-admin/components/kiosks-page'));
const UnitsAdmin = lazy(() => import('@/features/units-admin/components/units-page'));
const FormsAdmin = lazy(() => import('@/features/forms-admin/components/forms-page'));
const SupervisionPage = lazy(() => import('@/features/supervision/components/supervision-page'));
const SamplingPlanPage = lazy(() => import('@/features/sampling-plan/components/plan-page'));
const FieldworkAdmin = lazy(() => import('@/features/fieldwork-admin/components/fieldwork-page'));
const ParResults = lazy(() => import('@/features/par-results/components/par-page'));
const SipasResults = lazy(() => import('@/features/sipas-results/components/results-page'));

export const routes: RouteDef[] = [
  { pattern: /^\/$/, keys: [], Component: Home },
  { pattern: /^\/s\/([A-Za-z0-9_-]+)\/?$/, keys: ['token'], Component: StaffSurvey },
  { pattern: /^\/s\/([A-Za-z0-9_-]+)\/opt-out\/?$/, keys: ['token'], Component: StaffOptOut },
  { pattern: /^\/admin\/?$/, keys: [], Component: Admin },
  { pattern: /^\/admin\/kiosks\/?$/, keys: [], Component: KioskAdmin },
  { pattern: /^\/admin\/units\/?$/, keys: [], Component: UnitsAdmin },
  { pattern: /^\/admin\/forms\/?$/, keys: [], Component: FormsAdmin },
  { pattern: /^\/admin\/users\/?$/, keys: [], Component: UsersAdmin },
  { pattern: /^\/admin\/audit\/?$/, keys: [], Component: AuditLog },
  { pattern: /^\/admin\/par(?:\/([^/]*))?\/?$/, keys: ['year'], Component: ParResults },
  { pattern: /^\/setup\/?$/, keys: [], Component: FirstAdmin },
  { pattern: /^\/unit\/?$/, keys: [], Component: FocalUnit },
  { pattern: /^\/admin\/campaigns\/([0-9a-f-]{36})\/?$/, keys: ['campaignId'], Component: Admin },
  { pattern: /^\/admin\/campaigns\/([0-9a-f-]{36})\/fieldwork\/?$/, keys: ['campaignId'], Component: FieldworkAdmin },
  { pattern: /^\/admin\/campaigns\/([0-9a-f-]{36})\/results\/?$/, keys: ['campaignId'], Component: SipasResults },
  { pattern: /^\/admin\/campaigns\/([0-9a-f-]{36})\/plan\/?$/, keys: ['campaignId'], Component: SamplingPlanPage },
  { pattern: /^\/supervision\/?$/, keys: [], Component: SupervisionPage },
  { pattern: /^\/supervision\/([^/]+)\/?$/, keys: ['campaignId'], Component: SupervisionPage },
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
