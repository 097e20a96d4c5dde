/**
 * Forms as data: importing a form version from an XLSForm-style workbook, listing stored versions and
 * downloading one as a workbook (docs/0022-forms-as-data.md).
 */
import { z } from 'zod';
import { planErrorSchema } from './sampling.ts';

const text = z.object({ vi: z.string(), en: z.string() });

/** A problem in an uploaded form workbook, naming its cell ("survey!E12"). */
export const formWorkbookErrorSchema = planErrorSchema.extend({ cell: z.string() });
export type FormWorkbookError = z.infer<typeof formWorkbookErrorSchema>;

export const formImportQuerySchema = z.object({
  dryRun: z
    .enum(['1', '0', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
});

export const storedFormSummarySchema = z.object({
  code: z.string(),
  version: z.number().int(),
  kind: z.string(),
  title: text,
  sections: z.number().int(),
  questions: z.number().int(),
  /** Set once a response used this version: from then on it cannot change. */
  inUse: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type StoredFormSummary = z.infer<typeof storedFormSummarySchema>;

export const formImportResultSchema = z.object({
  dryRun: z.boolean(),
  /** False only in a dry run that found errors (a real import with errors answers 400 IMPORT_INVALID). */
  ok: z.boolean(),
  errors: z.array(formWorkbookErrorSchema),
  /** What the import did (or, in a dry run, would do) with the version; null when the workbook has errors. */
  action: z.enum(['created', 'replaced', 'unchanged']).nullable(),
  form: storedFormSummarySchema.omit({ inUse: true, createdAt: true }).nullable(),
});
export type FormImportResult = z.infer<typeof formImportResultSchema>;

export const formListSchema = z.object({ forms: z.array(storedFormSummarySchema) });
export type FormList = z.infer<typeof formListSchema>;

export const formWorkbookQuerySchema = z.object({
  code: z.string().min(1).max(40),
  version: z.coerce.number().int().positive().max(2_147_483_647).optional(),
});
