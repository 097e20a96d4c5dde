/**
 * Staff template 3 (CBCCVC-T3/2021), METHOD.md §3. T3: staff of a department judge personnel integrity and life inside their own department.
 */
import { formDefinitionSchema, type FormDefinition } from '../definition.ts';
import { text } from './build.ts';
import { staffTemplate } from './staff-template.ts';

export const staffT3: FormDefinition = formDefinitionSchema.parse(
  staffTemplate({
    group: 'T3',
    respondents: text(
      'Công chức, viên chức các sở, ban, ngành tỉnh',
      'Civil servants and public employees of provincial departments',
    ),
    rates: text('sở, ban, ngành nơi Anh/Chị công tác', 'the department where you work'),
    items: [
      'ORG_WORKING_RULES',
      'CS_RECRUIT_TRANSPARENT',
      'CS_RECRUIT_INTEGRITY',
      'CS_APPOINT_TRANSPARENT',
      'CS_APPOINT_INTEGRITY',
      'CS_TRAINING_QUALITY',
      'CS_STAFF_RESPONSIBILITY',
      'CS_NO_ABUSE',
      'PF_THRIFT',
      'PF_PUBLIC_ASSETS',
      'EG_PORTAL_QUALITY',
      'UI_LEADER_ATTENTION',
      'UI_RULES_FOLLOWED',
      'UI_FAIR_ASSIGNMENT',
    ],
    exampleAnswers: 'BAAEBBAACBBAAB',
  }),
);
