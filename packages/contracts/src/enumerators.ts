/**
 * Post Office fieldwork (issue 6): enumerator and supervisor accounts, assignments with quotas, the
 * offline batch sync, progress, supervision (review queue, decisions, back-checks), sampling targets
 * and remuneration. One schema per request/response, shared by the API routes and the /e app.
 */
import { z } from 'zod';
import { answersSchema, publicFormSchema } from './forms.ts';
import {
  completedAfterStart,
  completedAfterStartIssue,
  decimalParam,
  deviceInstantSchema,
  errorCodeSchema,
  unitCodeSchema,
} from './common.ts';
import { batchBodies, batchItem } from './text.ts';

const password = z.string().min(8).max(200);

export const enumeratorCreateSchema = z.object({
  fullName: z.string().trim().min(1).max(200),
  email: z.email().max(320),
  organisation: z.string().trim().min(1).max(200),
  password,
});
export type EnumeratorCreate = z.infer<typeof enumeratorCreateSchema>;

export const supervisorCreateSchema = enumeratorCreateSchema.extend({
  role: z.enum(['supervisor', 'observer']).default('supervisor'),
});
export type SupervisorCreate = z.infer<typeof supervisorCreateSchema>;

export const accountImportResultSchema = z.object({ created: z.number().int(), ids: z.array(z.uuid()) });
export type AccountImportResult = z.infer<typeof accountImportResultSchema>;

export const campaignSupervisorInputSchema = z.object({ organisation: z.string().trim().min(1).max(200) });

export const assignmentCreateSchema = z.object({
  enumeratorId: z.uuid(),
  unitCode: unitCodeSchema,
  quota: z.number().int().min(0).max(100_000),
  localityId: z.number().int().positive().optional(),
});
export type AssignmentCreate = z.infer<typeof assignmentCreateSchema>;

/**
 * Where an assignment's interviews happen, in words: the hamlet (ấp/khóm) and commune
 * (xã/phường/thị trấn) of its locality, and the district when the unit is one. Null parts are unknown
 * or do not exist (no locality, a commune-level locality, a unit that is not a district).
 */
export const placeSchema = z.object({
  hamlet: z.string().nullable(),
  commune: z.string().nullable(),
  district: z.string().nullable(),
});
export type Place = z.infer<typeof placeSchema>;

/** "Ấp Mỹ Phước, Xã Mỹ Hương, Huyện Mỹ Tú": the known parts, smallest first; null when nothing is known. */
export function placeText(p: Place | null | undefined): string | null {
  const parts = [p?.hamlet, p?.commune, p?.district].filter((x): x is string => !!x);
  return parts.length > 0 ? parts.join(', ') : null;
}

export const enumeratorAssignmentSchema = z.object({
  id: z.uuid(),
  campaignId: z.uuid(),
  campaignName: z.string(),
  campaignStatus: z.enum(['scheduled', 'open', 'closed']),
  unitCode: z.string(),
  unitName: z.string(),
  localityId: z.number().int().nullable(),
  place: placeSchema,
  quota: z.number().int(),
  collected: z.number().int(),
  forms: z.array(publicFormSchema),
});
export type EnumeratorAssignment = z.infer<typeof enumeratorAssignmentSchema>;
export const enumeratorAssignmentsSchema = z.object({ assignments: z.array(enumeratorAssignmentSchema) });

/** One interview as the enumerator app queued it (client UUID generated before the first try). */
const fieldFormObject = z.object({
  clientId: z.uuid(),
  assignmentId: z.uuid(),
  formCode: z.string().min(1).max(40),
  answers: answersSchema,
  startedAt: deviceInstantSchema,
  completedAt: deviceInstantSchema,
  note: z.string().max(2000).optional(),
});
export const fieldFormSchema = fieldFormObject.refine(completedAfterStart, completedAfterStartIssue);
export type FieldForm = z.infer<typeof fieldFormSchema>;

export const MAX_SYNC_BATCH = 2000;
/**
 * A sync batch: each interview is checked on its own (`batchItem`), so one bad interview is
 * rejected with its own result and the others are stored.
 */
export const syncInputSchema = z.object({
  forms: z
    .array(batchItem(fieldFormSchema).meta({ description: 'one interview (FieldForm)' }))
    .min(1)
    .max(MAX_SYNC_BATCH),
});
batchBodies.set(syncInputSchema, 'forms');
export type SyncInput = z.input<typeof syncInputSchema>;

export const answerErrorSchema = z.object({
  questionId: z.string(),
  code: z.string(),
  message: z.object({ vi: z.string(), en: z.string() }),
});

export const syncResultSchema = z.object({
  clientId: z.string(),
  status: z.enum(['stored', 'duplicate', 'rejected']),
  /** Catalogue code when rejected: ANSWERS_INVALID, FORBIDDEN_ASSIGNMENT, SUBMISSION_CONFLICT, FORM_UNKNOWN, ASSIGNMENT_NOT_FOUND. */
  reason: errorCodeSchema.optional(),
  message: z.string().optional(),
  errors: z.array(answerErrorSchema).optional(),
  responseId: z.uuid().optional(),
  flags: z.array(z.string()).optional(),
});
export type SyncResult = z.infer<typeof syncResultSchema>;
export const syncOutputSchema = z.object({ results: z.array(syncResultSchema) });

export const singleFieldFormSchema = fieldFormObject
  .omit({ assignmentId: true })
  .refine(completedAfterStart, completedAfterStartIssue);

const counts = {
  collected: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  pending: z.number().int(),
  quota: z.number().int(),
};
export const progressSchema = z.object({
  byEnumerator: z.array(
    z.object({ enumeratorId: z.uuid(), fullName: z.string(), organisation: z.string().nullable(), ...counts }),
  ),
  byUnit: z.array(z.object({ unitCode: z.string(), unitName: z.string(), target: z.number().int().nullable(), ...counts })),
  byOrganisation: z.array(z.object({ organisation: z.string().nullable(), ...counts })),
  byLocality: z.array(z.object({ localityId: z.number().int(), localityName: z.string(), ...counts })),
});
export type Progress = z.infer<typeof progressSchema>;

const localized = z.object({ vi: z.string(), en: z.string() });

/** One question of a reviewed form with the answer given, both in words. */
export const answerLineSchema = z.object({
  questionId: z.string(),
  number: z.number().int(),
  section: localized,
  question: localized,
  /** null when the question was left unanswered. */
  answer: localized.nullable(),
});
export type AnswerLine = z.infer<typeof answerLineSchema>;

export const flagNoteSchema = z.object({ flag: z.string(), vi: z.string(), en: z.string() });
export type FlagNote = z.infer<typeof flagNoteSchema>;

export const reviewItemSchema = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  enumeratorId: z.uuid(),
  enumeratorName: z.string(),
  unitCode: z.string(),
  formCode: z.string(),
  reviewState: z.enum(['valid', 'suspect', 'pending', 'invalid']),
  reviewReason: z.string().nullable(),
  flags: z.array(z.string()),
  overQuota: z.boolean(),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  receivedAt: z.string(),
  /** Omitted for observers (MTTQ, CCB): no respondent data leaves the server for them. */
  answers: answersSchema.optional(),
  note: z.string().nullable().optional(),
  /** The answers in words, in the form's order (omitted for observers, like `answers`). */
  answerLines: z.array(answerLineSchema).optional(),
  /** Where the interview was: hamlet, commune, district of its assignment. */
  place: placeSchema,
  /** The form's name in words ("Phiếu khảo sát trực tiếp – mẫu 01"). */
  formName: z.string(),
  /** What each flag means for this form, with its figures ("12 phút 30 giây, dưới mức tối thiểu 5 phút"). */
  flagNotes: z.array(flagNoteSchema),
});
export type ReviewItem = z.infer<typeof reviewItemSchema>;
export const reviewQueueSchema = z.object({ items: z.array(reviewItemSchema) });
export const reviewQueueQuerySchema = z.object({
  state: z.enum(['flagged', 'pending', 'all']).default('flagged'),
  limit: decimalParam(z.number().int().min(1).max(1000)).default(200),
});

export const decisionInputSchema = z.object({ state: z.enum(['valid', 'invalid']), reason: z.string().trim().min(1).max(500) });
export const decisionOutputSchema = z.object({
  id: z.uuid(),
  reviewState: z.enum(['valid', 'invalid']),
  reviewReason: z.string(),
});

export const backCheckDrawInputSchema = z.object({ share: z.number().gt(0).max(1).optional() });
export const backCheckSchema = z.object({
  id: z.uuid(),
  responseId: z.uuid(),
  /** The form's client id: the enumerator finds the interview in their app by it. */
  clientId: z.uuid(),
  enumeratorId: z.uuid(),
  enumeratorName: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  localityName: z.string().nullable(),
  formCode: z.string(),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  outcome: z.enum(['pending', 'confirmed', 'not_reached', 'contradicted']),
  /** The supervisor who re-contacts the respondent (null: nobody yet); omitted for observers. */
  assignedTo: z.object({ id: z.uuid(), fullName: z.string() }).nullable().optional(),
  /** Supervisor's note on the outcome; only for the assigned supervisor and admins (it may name the respondent). */
  note: z.string().nullable().optional(),
  /** The enumerator's interview note (how to re-contact the respondent); only for the assigned supervisor and admins. */
  interviewNote: z.string().nullable().optional(),
  /** What the assigned supervisor needs to find and re-contact the respondent; only for them and admins. */
  contact: z
    .object({
      place: placeSchema,
      enumeratorEmail: z.string(),
      /** The procedure the respondent said they used (to recognise the visit on the phone). */
      procedure: z.string().nullable(),
    })
    .optional(),
  drawnAt: z.string(),
  checkedAt: z.string().nullable(),
});
export type BackCheck = z.infer<typeof backCheckSchema>;
export const backCheckDrawOutputSchema = z.object({
  drawn: z.number().int(),
  total: z.number().int(),
  backChecks: z.array(backCheckSchema),
});
export const backCheckOutcomeInputSchema = z.object({
  outcome: z.enum(['confirmed', 'not_reached', 'contradicted']),
  note: z.string().max(1000).optional(),
});

export const targetsInputSchema = z.object({
  /** Margin of error e in n = ceil(N / (1 + N·e²)); default 0.05. */
  margin: z.number().gt(0).lt(1).default(0.05),
  targets: z
    .array(
      z
        .object({
          unitCode: unitCodeSchema,
          target: z.number().int().min(0).optional(),
          dossiers: z.number().int().min(0).optional(),
        })
        .refine((t) => t.target !== undefined || t.dossiers !== undefined, { message: 'target or dossiers is required' }),
    )
    .min(1)
    .max(5000),
});
export const targetsOutputSchema = z.object({
  targets: z.array(z.object({ unitCode: z.string(), target: z.number().int() })),
  total: z.number().int(),
});

export const remunerationQuerySchema = z.object({
  rate: decimalParam(z.number().min(0).max(100_000_000)),
  format: z.enum(['json', 'xlsx']).default('json'),
});
export const remunerationSchema = z.object({
  rate: z.number(),
  rows: z.array(
    z.object({
      enumeratorId: z.uuid(),
      fullName: z.string(),
      organisation: z.string().nullable(),
      validForms: z.number().int(),
      amount: z.number(),
    }),
  ),
  totals: z.object({ validForms: z.number().int(), amount: z.number() }),
});
export type Remuneration = z.infer<typeof remunerationSchema>;
