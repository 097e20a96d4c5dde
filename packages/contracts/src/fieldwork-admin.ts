/**
 * Admin fieldwork screens (issue 6): field accounts, a campaign's assignments with their counters,
 * quota edits, and the organisations supervising a campaign.
 */
import { z } from 'zod';

export const fieldAccountSchema = z.object({
  id: z.uuid(),
  fullName: z.string(),
  email: z.string(),
  role: z.enum(['enumerator', 'supervisor', 'observer']),
  organisation: z.string().nullable(),
});
export type FieldAccount = z.infer<typeof fieldAccountSchema>;
export const fieldAccountsSchema = z.object({ accounts: z.array(fieldAccountSchema) });

export const campaignAssignmentSchema = z.object({
  id: z.uuid(),
  enumeratorId: z.uuid(),
  enumeratorName: z.string(),
  organisation: z.string().nullable(),
  unitCode: z.string(),
  unitName: z.string(),
  localityId: z.number().int().nullable(),
  localityName: z.string().nullable(),
  quota: z.number().int(),
  /** Forms stored for this assignment (every review state, over-quota ones included). */
  collected: z.number().int(),
  valid: z.number().int(),
});
export type CampaignAssignment = z.infer<typeof campaignAssignmentSchema>;
export const campaignAssignmentsSchema = z.object({ assignments: z.array(campaignAssignmentSchema) });

export const assignmentUpdateSchema = z.object({ quota: z.number().int().min(0).max(100_000) });
export type AssignmentUpdate = z.infer<typeof assignmentUpdateSchema>;
export const assignmentUpdatedSchema = z.object({ id: z.uuid(), quota: z.number().int(), collected: z.number().int() });

export const campaignSupervisorsSchema = z.object({
  organisations: z.array(z.object({ id: z.number().int(), name: z.string() })),
});
