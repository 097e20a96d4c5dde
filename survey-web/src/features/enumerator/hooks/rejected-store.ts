/**
 * Forms the server refused, kept on the phone (IndexedDB) with their answers: an interview with a
 * citizen cannot be redone, so a rejection never deletes it. The enumerator can read it, fix it and
 * resend it (see `resendRejected` in field-store.ts) or discard it explicitly after a confirmation.
 */
import type { EnumeratorAssignment, FieldForm, SyncResult } from '@hailong/contracts';
import { createOutbox } from '@/lib/offline-outbox';

export interface RejectedForm {
  clientId: string;
  /** The interview exactly as it was sent. */
  form: FieldForm;
  reason?: string;
  message?: string;
  errors?: SyncResult['errors'];
  rejectedAt: string;
  /** Looked up when the rejection arrived: the assignment may be gone from the next download. */
  campaignId?: string;
  unitCode?: string;
}

/** Same durable IndexedDB store as the outbox (keyed by client id), in its own database. */
export const rejectedForms = createOutbox<RejectedForm>('enumerator-rejected');

export async function keepRejected(
  form: FieldForm,
  r: SyncResult,
  rejectedAt: string,
  assignments: EnumeratorAssignment[],
): Promise<void> {
  const a = assignments.find((x) => x.id === form.assignmentId);
  await rejectedForms.remove(form.clientId); // a form rejected again replaces its older rejection
  await rejectedForms.add({
    clientId: form.clientId,
    form,
    rejectedAt,
    ...(r.reason ? { reason: r.reason } : {}),
    ...(r.message ? { message: r.message } : {}),
    ...(r.errors?.length ? { errors: r.errors } : {}),
    ...(a ? { campaignId: a.campaignId, unitCode: a.unitCode } : {}),
  });
}

/** What the enumerator can do about a rejection on the phone. */
export type Remedy = 'fix-answers' | 'move' | 'none';

export function remedyFor(r: RejectedForm): Remedy {
  if (r.reason === 'ANSWERS_INVALID') return 'fix-answers';
  if (r.reason === 'ASSIGNMENT_NOT_FOUND' || r.reason === 'FORBIDDEN_ASSIGNMENT') return 'move';
  return 'none'; // SUBMISSION_CONFLICT, FORM_UNKNOWN, …: read it, ask the supervisor, discard when settled
}

/** The enumerator's other current assignments a form can move to: same campaign, same form code. */
export function moveTargets(r: RejectedForm, assignments: EnumeratorAssignment[]): EnumeratorAssignment[] {
  if (!r.campaignId) return [];
  return assignments.filter(
    (a) => a.id !== r.form.assignmentId && a.campaignId === r.campaignId && a.forms.some((f) => f.code === r.form.formCode),
  );
}
