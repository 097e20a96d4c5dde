/**
 * Staff template 6 (CBCCVC-T6/2021), METHOD.md §3. T6: staff of public service units and central agencies judge their own unit.
 */
import { formDefinitionSchema, type FormDefinition } from '../definition.ts';
import { text } from './build.ts';
import { staffTemplate } from './staff-template.ts';

export const staffT6: FormDefinition = formDefinitionSchema.parse(
  staffTemplate({
    group: 'T6',
    respondents: text(
      'Cán bộ, công chức, viên chức đơn vị sự nghiệp công lập và cơ quan Trung ương đặt tại tỉnh',
      'Staff of public service units and central agencies in the province',
    ),
    rates: text('cơ quan, đơn vị nơi Anh/Chị công tác', 'the unit where you work'),
    items: [
      'ORG_STRUCTURE',
      'ORG_FUNCTIONS',
      'ORG_WORKING_RULES',
      'CS_RECRUIT_TRANSPARENT',
      'CS_RECRUIT_INTEGRITY',
      'CS_APPOINT_TRANSPARENT',
      'CS_APPOINT_INTEGRITY',
      'CS_TRAINING_QUALITY',
      'CS_NO_ABUSE',
      'PF_THRIFT',
      'PF_PUBLIC_ASSETS',
      'PF_PSU_AUTONOMY',
      'EG_PORTAL_QUALITY',
      'UI_LEADER_ATTENTION',
      'UI_REWARDS_BENEFITS',
    ],
    exampleAnswers: 'ABBAABABABBEAAB',
  }),
);
