/** The signed-in user of the staff-facing pages (admin, supervision): one session cookie for all. */
import type { SessionUser } from '@hailong/contracts';
import { api } from './api-client';

export const me = () => api<{ user: SessionUser }>('/api/v1/auth/me');
export const login = (email: string, password: string) =>
  api<{ user: SessionUser }>('/api/v1/auth/login', { body: { email, password } });
export const logout = () => api<{ ok: true }>('/api/v1/auth/logout', { method: 'POST', body: {} });
