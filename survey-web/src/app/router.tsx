/**
 * A tiny path router for the web app's front doors. Each front door is lazy-loaded so the kiosk
 * bundle carries only the kiosk. Feature folders register here and nowhere else.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface RouteMatch {
  Component: LazyExoticComponent<ComponentType<{ params: Record<string, string> }>> | ComponentType<{ params: Record<string, string> }>;
  params: Record<string, string>;
}

interface RouteDef {
  pattern: RegExp;
  keys: string[];
  Component: RouteMatch['Component'];
}

const Home = lazy(() => import('@/app/routes/home'));

export const routes: RouteDef[] = [
  { pattern: /^\/$/, keys: [], Component: Home },
];

export function matchRoute(pathname: string): RouteMatch | null {
  for (const r of routes) {
    const m = r.pattern.exec(pathname);
    if (m) return { Component: r.Component, params: Object.fromEntries(r.keys.map((k, i) => [k, decodeURIComponent(m[i + 1] ?? '')])) };
  }
  return null;
}
