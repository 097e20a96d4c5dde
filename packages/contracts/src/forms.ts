/**
 * The public shape of a form (what respondents' apps receive): the definition without its scoring
 * map or example. Same shape for the staff survey, the kiosk, the online form and enumerators.
 */
import { z } from 'zod';
import { findForm, type FormDefinition } from '@hailong/forms';

const text = z.object({ vi: z.string(), en: z.string() });

export const publicQuestionSchema = z.object({
  id: z.string(),
  type: z.enum(['likert5', 'single_choice', 'multi_choice', 'yes_no', 'number', 'text']),
  required: z.boolean(),
  label: text,
  help: text.optional(),
  options: z.array(z.object({ code: z.string(), label: text })).optional(),
  allowNotApplicable: z.boolean().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().optional(),
  maxLength: z.number().optional(),
  maxSelections: z.number().optional(),
  /** Shown only when every condition on an earlier answer holds (the renderer hides it otherwise). */
  showIf: z.array(z.object({ question: z.string(), anyOf: z.array(z.union([z.string(), z.number(), z.boolean()])) })).optional(),
});

export const publicFormSchema = z.object({
  code: z.string(),
  version: z.number().int(),
  kind: z.string(),
  title: text,
  /** The form named in a few words for buttons and lists; the API always sends it. */
  shortTitle: text.optional(),
  description: text.optional(),
  sections: z.array(z.object({ id: z.string(), title: text, questions: z.array(publicQuestionSchema) })),
});
export type PublicForm = z.infer<typeof publicFormSchema>;

export function toPublicForm(f: FormDefinition): PublicForm {
  return {
    code: f.code,
    version: f.version,
    kind: f.kind,
    title: f.title,
    // Definitions stored before forms had a short title take the shipped definition's.
    shortTitle: f.shortTitle ?? findForm(f.code, f.version)?.shortTitle ?? f.title,
    ...(f.description ? { description: f.description } : {}),
    sections: f.sections.map((s) => ({ id: s.id, title: s.title, questions: s.questions })),
  };
}

export { formName } from './names.ts';

export const answersSchema = z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.array(z.string()), z.null()]));
