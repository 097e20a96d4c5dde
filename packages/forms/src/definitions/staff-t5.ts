/**
 * Staff template 5 (CBCCVC-T5/2021), METHOD.md §3. T5: commune leaders judge the district above them: its documents, decentralisation, staff and training.
 */
import { formDefinitionSchema, type FormDefinition } from '../definition.ts';
import { text } from './build.ts';
import { staffTemplate } from './staff-template.ts';

export const staffT5: FormDefinition = formDefinitionSchema.parse(
  staffTemplate({
    group: 'T5',
    respondents: text('Lãnh đạo UBND cấp xã', 'Commune People’s Committee leaders'),
    rates: text(
      'UBND huyện, thị xã, thành phố quản lý xã, phường, thị trấn của Anh/Chị',
      'the district People’s Committee your commune belongs to',
    ),
    items: [
      'LD_CONSISTENCY',
      'LD_FEASIBILITY',
      'LD_TIMELY_HANDLING',
      'ORG_FUNCTIONS',
      'ORG_DECENTRALISATION',
      'CS_TRAINING_QUALITY',
      'CS_STAFF_COMPETENCE',
      'CS_STAFF_RESPONSIBILITY',
      'CS_NO_ABUSE',
      'EG_PORTAL_QUALITY',
      'UI_LEADER_ATTENTION',
    ],
    exampleAnswers: 'BBCBABBABEA',
  }),
);
