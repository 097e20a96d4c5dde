/**
 * Staff template 2 (CBCCVC-T2/2021), METHOD.md §3. T2: division leaders judge their own department's management: laws they apply, organisation, personnel, finance.
 */
import { formDefinitionSchema, type FormDefinition } from '../definition.ts';
import { text } from './build.ts';
import { staffTemplate } from './staff-template.ts';

export const staffT2: FormDefinition = formDefinitionSchema.parse(
  staffTemplate({
    group: 'T2',
    respondents: text('Lãnh đạo phòng, đơn vị thuộc sở, ban, ngành tỉnh', 'Division leaders of provincial departments'),
    rates: text('sở, ban, ngành nơi Anh/Chị công tác', 'the department where you work'),
    items: [
      'LD_FEASIBILITY',
      'LD_TIMELY_HANDLING',
      'ORG_STRUCTURE',
      'ORG_FUNCTIONS',
      'ORG_WORKING_RULES',
      'CS_RECRUIT_TRANSPARENT',
      'CS_APPOINT_TRANSPARENT',
      'CS_TRAINING_QUALITY',
      'CS_STAFF_COMPETENCE',
      'PF_ADMIN_FUNDS_AUTONOMY',
      'PF_PUBLIC_ASSETS',
      'EG_PORTAL_QUALITY',
      'UI_LEADER_ATTENTION',
      'UI_PAR_OFFICER',
    ],
    exampleAnswers: 'AABBAAABBABBAB',
  }),
);
