/**
 * Staff template 4 (CBCCVC-T4/2021), METHOD.md §3. T4: district office staff judge their own district from inside.
 */
import { formDefinitionSchema, type FormDefinition } from '../definition.ts';
import { text } from './build.ts';
import { staffTemplate } from './staff-template.ts';

export const staffT4: FormDefinition = formDefinitionSchema.parse(
  staffTemplate({
    group: 'T4',
    respondents: text(
      'Lãnh đạo và công chức các phòng chuyên môn thuộc UBND cấp huyện',
      'Leaders and civil servants of district specialised offices',
    ),
    rates: text('UBND huyện, thị xã, thành phố nơi Anh/Chị công tác', 'the district People’s Committee where you work'),
    items: [
      'ORG_FUNCTIONS',
      'ORG_WORKING_RULES',
      'CS_RECRUIT_TRANSPARENT',
      'CS_RECRUIT_INTEGRITY',
      'CS_APPOINT_TRANSPARENT',
      'CS_APPOINT_INTEGRITY',
      'CS_TRAINING_QUALITY',
      'CS_NO_ABUSE',
      'PF_ADMIN_FUNDS_AUTONOMY',
      'PF_THRIFT',
      'PF_PUBLIC_ASSETS',
      'UI_LEADER_ATTENTION',
      'UI_PAR_OFFICER',
      'UI_RULES_FOLLOWED',
      'UI_FAIR_ASSIGNMENT',
    ],
    exampleAnswers: 'ABAABABABBBAABA',
  }),
);
