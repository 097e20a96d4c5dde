/**
 * Forms as data (issue 12 item 5): an admin imports a form version from an XLSForm-style workbook
 * (all or nothing, dry run), lists stored versions and downloads any of them as a workbook. A version
 * that responses used is immutable (409 FORM_IN_USE; the database trigger of migration 0001 is the
 * last line); a new version imports beside it, and channels that take "the latest version of a code"
 * (kiosk, online form, enumerators) pick it up without a code change.
 */
import type { FormImportResult, FormList, FormWorkbookError, StoredFormSummary } from '@hailong/contracts';
import type { Db } from '@hailong/db';
import { formDefinitionSchema, formFromSheets, type FormDefinition } from '@hailong/forms';
import { isDeepStrictEqual } from 'node:util';
import { AppError } from '../../errors.ts';
import { readXlsxSheets } from '../../lib/table-upload.ts';
import { recordAudit } from '../audit/record.ts';
import { findStoredForm, forgetStoredForm, formRow, insertForm, listFormRows, replaceUnusedForm, type FormRow } from './repo.ts';
import { formWorkbook } from './workbook.ts';

function counts(f: FormDefinition): Pick<StoredFormSummary, 'sections' | 'questions'> {
  return { sections: f.sections.length, questions: f.sections.reduce((n, s) => n + s.questions.length, 0) };
}

function summary(row: FormRow): StoredFormSummary {
  const f = formDefinitionSchema.parse(row.definition);
  return {
    code: row.code,
    version: row.version,
    kind: row.kind,
    title: f.title,
    ...counts(f),
    inUse: row.firstUsedAt !== null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listForms(db: Db): Promise<FormList> {
  return { forms: (await listFormRows(db)).map(summary) };
}

async function parse(data: Buffer): Promise<{ form: FormDefinition | null; errors: FormWorkbookError[] }> {
  const read = await readXlsxSheets(data);
  if ('problem' in read) {
    const e = { sheet: '', row: 0, column: 'xlsx', cell: '', message: read.problem.vi, messageEn: read.problem.en };
    return { form: null, errors: [e] };
  }
  const res = formFromSheets(read.sheets);
  return res.ok ? { form: res.form, errors: [] } : { form: null, errors: res.errors };
}

type Action = NonNullable<FormImportResult['action']>;

function planned(existing: FormRow | undefined, form: FormDefinition): Action {
  if (!existing) return 'created';
  if (isDeepStrictEqual(formDefinitionSchema.parse(existing.definition), form)) return 'unchanged';
  if (existing.firstUsedAt !== null) throw new AppError('FORM_IN_USE', { code: form.code, version: form.version });
  return 'replaced';
}

export async function importFormWorkbook(
  db: Db,
  data: Buffer,
  opts: { dryRun: boolean; actorUserId: string | null },
): Promise<FormImportResult> {
  const { form, errors } = await parse(data);
  if (!form) {
    if (opts.dryRun) return { dryRun: true, ok: false, errors, action: null, form: null };
    throw new AppError('IMPORT_INVALID', errors);
  }
  const result = (action: Action): FormImportResult => ({
    dryRun: opts.dryRun,
    ok: true,
    errors: [],
    action,
    form: { code: form.code, version: form.version, kind: form.kind, title: form.title, ...counts(form) },
  });
  if (opts.dryRun) return result(planned(await formRow(db, form.code, form.version), form));
  const action = await db.transaction(async (tx) => {
    const a = planned(await formRow(tx, form.code, form.version), form);
    if (a === 'created' && !(await insertForm(tx, form))) throw new AppError('CONFLICT');
    if (a === 'replaced' && !(await replaceUnusedForm(tx, form)))
      throw new AppError('FORM_IN_USE', { code: form.code, version: form.version });
    if (a !== 'unchanged') {
      const details = { code: form.code, version: form.version, kind: form.kind, action: a };
      await recordAudit(tx, {
        actorUserId: opts.actorUserId,
        action: 'form.import',
        entity: 'form',
        entityId: `${form.code}@${form.version}`,
        details,
      });
    }
    return a;
  });
  if (action === 'replaced') forgetStoredForm(db, form.code, form.version);
  return result(action);
}

export async function exportFormWorkbook(
  db: Db,
  code: string,
  version?: number,
): Promise<{ form: FormDefinition; file: Buffer }> {
  const stored = await findStoredForm(db, code, version);
  if (!stored) throw new AppError('FORM_NOT_FOUND');
  return { form: stored.definition, file: await formWorkbook(stored.definition) };
}
