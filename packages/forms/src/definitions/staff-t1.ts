/**
 * Staff template 1 (CBCCVC-T1/2021), METHOD.md §3. T1 rates departments and districts from outside: laws, structure, staff quality, thrift, portal.
 */
import { formDefinitionSchema, type FormDefinition } from '../definition.ts';
import { text } from './build.ts';
import { staffTemplate } from './staff-template.ts';

export const staffT1: FormDefinition = formDefinitionSchema.parse(
  staffTemplate({
    group: 'T1',
    respondents: text('Đại biểu Hội đồng nhân dân tỉnh', 'Provincial People’s Council delegates'),
    rates: text('các sở, ban, ngành tỉnh và UBND cấp huyện', 'provincial departments and district People’s Committees'),
    items: [
      'LD_CONSISTENCY',
      'LD_REASONABLENESS',
      'LD_FEASIBILITY',
      'LD_TIMELY_HANDLING',
      'ORG_STRUCTURE',
      'ORG_FUNCTIONS',
      'CS_STAFF_COMPETENCE',
      'CS_STAFF_RESPONSIBILITY',
      'CS_NO_ABUSE',
      'CS_TALENT_ATTRACTION',
      'PF_THRIFT',
      'EG_PORTAL_QUALITY',
    ],
    exampleAnswers: 'ABABBACBAEBA',
  }),
);
