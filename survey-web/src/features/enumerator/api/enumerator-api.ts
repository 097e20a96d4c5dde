/** Enumerator app ↔ API: login, assignments download, and the batch sync of queued interviews. */
import type { EnumeratorAssignment, FieldForm, SyncResult } from '@hailong/contracts';
import { api } from '@/lib/api-client';

export function login(email: string, password: string) {
  return api<{ user: { id: string; fullName: string; role: string } }>('/api/v1/auth/login', { body: { email, password } });
}

export async function fetchAssignments(): Promise<EnumeratorAssignment[]> {
  return (await api<{ assignments: EnumeratorAssignment[] }>('/api/v1/enumerator/assignments')).assignments;
}

export async function syncBatch(forms: FieldForm[]): Promise<SyncResult[]> {
  return (await api<{ results: SyncResult[] }>('/api/v1/enumerator/sync', { body: { forms }, timeoutMs: 60_000 })).results;
}
