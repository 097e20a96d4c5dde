/** A campaign's personal data and when it is deleted (issue 14, RETENTION_DAYS). */
import { z } from 'zod';

export const personalDataCountsSchema = z.object({
  respondents: z.number().int(),
  phones: z.number().int(),
  bounceReasons: z.number().int(),
  mailErrors: z.number().int(),
  interviewNotes: z.number().int(),
  backCheckNotes: z.number().int(),
});

export const retentionPreviewSchema = z.object({
  retentionDays: z.number().int(),
  /** When the purge runs (close + retentionDays). */
  dueAt: z.iso.datetime(),
  /** Set once the personal data is gone. */
  purgedAt: z.iso.datetime().nullable(),
  /** What the purge removes (zeros once done); counts, rates and anonymous answers stay. */
  willRemove: personalDataCountsSchema,
});
export type RetentionPreview = z.infer<typeof retentionPreviewSchema>;
