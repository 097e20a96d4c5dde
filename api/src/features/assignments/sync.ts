/**
 * Offline batch sync for enumerators. Every form gets exactly one result, in order:
 * - `rejected` TEXT_INVALID / VALIDATION_FAILED (the item alone failed its schema) / FORBIDDEN_ASSIGNMENT / FORM_UNKNOWN / ANSWERS_INVALID (with per-question errors) /
 *   SUBMISSION_CONFLICT (client id reused for a different payload, in the batch or already stored) /
 *   ASSIGNMENT_NOT_FOUND (the assignment was deleted while the batch was being written);
 * - `duplicate` for a client id already stored (or repeated in the batch) with the same payload;
 * - `stored` otherwise, with automatic flags.
 * Validation happens in memory; the writes (quota counters + multi-row inserts) run in one
 * transaction, so a batch is written completely or not at all. Quota counters are updated with
 * `collected = collected + n` under the row lock, in assignment-id order (no deadlocks between
 * concurrent syncs).
 */
import type { FieldForm, ItemCheck, SyncResult } from '@hailong/contracts';
import type { Db, Tx } from '@hailong/db';
import { sql } from 'drizzle-orm';
import { errorCatalogue, type ErrorCode } from '../../errors.ts';
import { channelFormCodes } from '../campaigns/channel-forms.ts';
import { findStoredForm, type StoredForm } from '../forms/repo.ts';
import { findExisting, insertPrepared, prepareAnswers, type PreparedResponse } from '../submissions/store-batch.ts';
import { identicalPatternThreshold, interviewFlags, repeatedPatterns } from './flags.ts';
import { addCollected, countPatterns, flagStoredPatterns, loadAssignments, type LoadedAssignment } from './repo.ts';

function reject(clientId: string, reason: ErrorCode, extra: Partial<SyncResult> = {}): SyncResult {
  return { clientId, status: 'rejected', reason, message: errorCatalogue[reason].vi, ...extra };
}

/** The latest version of each requested code that some assignment's campaign offers enumerators. */
async function loadForms(db: Db, codes: Set<string>, assignments: LoadedAssignment[]): Promise<Map<string, StoredForm>> {
  const offered = new Set(assignments.flatMap((a) => channelFormCodes(a, 'field')));
  const out = new Map<string, StoredForm>();
  for (const code of codes) {
    if (!offered.has(code)) continue;
    const f = await findStoredForm(db, code);
    if (f) out.set(code, f);
  }
  return out;
}

interface IndexedForm {
  index: number;
  form: FieldForm;
}

interface Candidate {
  index: number;
  row: PreparedResponse;
  assignment: LoadedAssignment;
}

/** In-memory pass: ownership, form, answers, in-batch duplicates. Fills `results` for settled forms. */
function classify(
  forms: IndexedForm[],
  userId: string,
  byId: Map<string, LoadedAssignment>,
  formByCode: Map<string, StoredForm>,
  results: SyncResult[],
) {
  const candidates: Candidate[] = [];
  const firstSeen = new Map<string, { index: number; hash: string | null }>();
  forms.forEach(({ form: f, index }) => {
    const a = byId.get(f.assignmentId);
    const offered = a ? channelFormCodes(a, 'field').includes(f.formCode) : false;
    const form = offered ? formByCode.get(f.formCode) : undefined;
    const prepared = a && form ? prepareAnswers(form, a.unitId, f.answers) : null;
    const hash = prepared?.ok ? prepared.payloadHash : null;
    const prev = firstSeen.get(f.clientId);
    if (prev) {
      const first = results[prev.index];
      if (prev.hash && prev.hash === hash) results[index] = { clientId: f.clientId, status: 'duplicate' };
      else if (first?.status === 'rejected' && prev.hash === null && hash === null) results[index] = { ...first };
      else results[index] = reject(f.clientId, 'SUBMISSION_CONFLICT');
      return;
    }
    firstSeen.set(f.clientId, { index, hash });
    if (!a || a.enumeratorId !== userId) return void (results[index] = reject(f.clientId, 'FORBIDDEN_ASSIGNMENT'));
    if (!offered) return void (results[index] = reject(f.clientId, 'FORM_NOT_OFFERED'));
    if (!form || !prepared) return void (results[index] = reject(f.clientId, 'FORM_UNKNOWN'));
    if (!prepared.ok) return void (results[index] = reject(f.clientId, 'ANSWERS_INVALID', { errors: prepared.errors }));
    const startedAt = new Date(f.startedAt);
    const completedAt = new Date(f.completedAt);
    candidates.push({
      index,
      assignment: a,
      row: {
        clientId: f.clientId,
        campaignId: a.campaignId,
        form,
        unitId: a.unitId,
        channel: 'enumerator',
        sourceId: a.id,
        answers: prepared.answers,
        payloadHash: prepared.payloadHash,
        reviewState: 'valid',
        flags: interviewFlags(a, startedAt, completedAt),
        overQuota: false,
        note: f.note?.trim() || null,
        startedAt,
        completedAt,
      },
    });
  });
  return candidates;
}

/**
 * Marks identical answer patterns (rule in flags.ts `repeatedPatterns`): every form of a pattern
 * that reaches the threshold, new and already stored. Runs under writeBatch's per-enumerator lock.
 */
async function flagPatterns(tx: Tx, userId: string, fresh: Candidate[]): Promise<void> {
  const byCampaign = new Map<string, Candidate[]>();
  for (const c of fresh) byCampaign.set(c.row.campaignId, [...(byCampaign.get(c.row.campaignId) ?? []), c]);
  for (const [campaignId, list] of byCampaign) {
    const hashes = list.map((c) => c.row.payloadHash);
    const stored = await countPatterns(tx, userId, campaignId, [...new Set(hashes)]);
    const repeated = repeatedPatterns(stored, hashes, identicalPatternThreshold(list[0]?.assignment.settings));
    if (repeated.size === 0) continue;
    for (const c of list) if (repeated.has(c.row.payloadHash)) c.row.flags.push('identical_pattern');
    await flagStoredPatterns(
      tx,
      userId,
      campaignId,
      [...repeated].filter((h) => (stored.get(h) ?? 0) > 0),
    );
  }
}

/**
 * Bumps each assignment's counter once and marks the forms beyond its quota. Returns the forms
 * whose assignment was deleted meanwhile (an admin may delete an assignment with no forms).
 */
async function countQuotas(tx: Tx, fresh: Candidate[]): Promise<Candidate[]> {
  const byAssignment = new Map<string, Candidate[]>();
  for (const c of fresh) byAssignment.set(c.assignment.id, [...(byAssignment.get(c.assignment.id) ?? []), c]);
  const vanished: Candidate[] = [];
  for (const id of [...byAssignment.keys()].sort()) {
    const list = byAssignment.get(id) ?? [];
    const after = await addCollected(tx, id, list.length);
    if (after === null) {
      vanished.push(...list);
      continue;
    }
    list.forEach((c, i) => {
      if (after - list.length + i + 1 > c.assignment.quota) {
        c.row.overQuota = true;
        c.row.flags.push('over_quota');
      }
    });
  }
  return vanished;
}

async function writeBatch(tx: Tx, userId: string, candidates: Candidate[], results: SyncResult[]): Promise<void> {
  // One enumerator's syncs are serialised (taken before any row lock): two devices uploading at
  // once can then neither miss each other's copies of a pattern nor race on the same client ids.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`field-sync:${userId}`}))`);
  const existing = await findExisting(
    tx,
    candidates.map((c) => c.row.clientId),
  );
  let fresh: Candidate[] = [];
  for (const c of candidates) {
    const prev = existing.get(c.row.clientId);
    if (!prev) fresh.push(c);
    else if (prev.payloadHash === c.row.payloadHash)
      results[c.index] = { clientId: c.row.clientId, status: 'duplicate', responseId: prev.id };
    else results[c.index] = reject(c.row.clientId, 'SUBMISSION_CONFLICT');
  }
  const vanished = new Set(await countQuotas(tx, fresh));
  for (const c of vanished) results[c.index] = reject(c.row.clientId, 'ASSIGNMENT_NOT_FOUND');
  fresh = fresh.filter((c) => !vanished.has(c));
  await flagPatterns(tx, userId, fresh);
  for (const c of fresh) c.row.reviewState = c.row.flags.length > 0 ? 'pending' : 'valid';
  const inserted = await insertPrepared(
    tx,
    fresh.map((c) => c.row),
  );
  const lost = fresh.filter((c) => !inserted.has(c.row.clientId));
  if (lost.length > 0) await settleLost(tx, lost, results);
  for (const c of fresh) {
    const id = inserted.get(c.row.clientId);
    if (id)
      results[c.index] = {
        clientId: c.row.clientId,
        status: 'stored',
        responseId: id,
        ...(c.row.flags.length ? { flags: c.row.flags } : {}),
      };
  }
}

/** A concurrent sync stored some of these client ids first: undo their count, report them. */
async function settleLost(tx: Tx, lost: Candidate[], results: SyncResult[]): Promise<void> {
  const now = await findExisting(
    tx,
    lost.map((c) => c.row.clientId),
  );
  const perAssignment = new Map<string, number>();
  for (const c of lost) {
    perAssignment.set(c.assignment.id, (perAssignment.get(c.assignment.id) ?? 0) + 1);
    const prev = now.get(c.row.clientId);
    results[c.index] =
      prev?.payloadHash === c.row.payloadHash
        ? { clientId: c.row.clientId, status: 'duplicate', responseId: prev.id }
        : reject(c.row.clientId, 'SUBMISSION_CONFLICT');
  }
  for (const id of [...perAssignment.keys()].sort()) await addCollected(tx, id, -(perAssignment.get(id) ?? 0));
}

/** Items that failed their own check (text, shape, clocks) get their result; the rest go on. */
function checkedForms(items: ItemCheck<FieldForm>[], results: SyncResult[]): IndexedForm[] {
  const forms: IndexedForm[] = [];
  items.forEach((item, index) => {
    if (item.ok) forms.push({ index, form: item.value });
    else
      results[index] = reject(item.clientId, item.code, {
        errors: item.details.map((d) => ({
          questionId: d.field,
          code: item.code,
          message: { vi: errorCatalogue[item.code].vi, en: d.message },
        })),
      });
  });
  return forms;
}

export async function syncForms(db: Db, userId: string, items: ItemCheck<FieldForm>[]): Promise<SyncResult[]> {
  const results: SyncResult[] = new Array<SyncResult>(items.length);
  const forms = checkedForms(items, results);
  const assignmentRows = await loadAssignments(db, [...new Set(forms.map((f) => f.form.assignmentId))]);
  const byId = new Map(assignmentRows.map((a) => [a.id, a]));
  const formByCode = await loadForms(db, new Set(forms.map((f) => f.form.formCode)), assignmentRows);
  const candidates = classify(forms, userId, byId, formByCode, results);
  if (candidates.length > 0) await db.transaction((tx) => writeBatch(tx, userId, candidates, results));
  return results;
}
