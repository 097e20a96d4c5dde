/**
 * The counter quick form (tablet at the one-stop counter): one short question per component
 * TC, TT, CC, KQ, then the overall question OV. Five taps, no "không ý kiến" (METHOD.md §2).
 */
import { formDefinitionSchema, type FormDefinition } from '../definition.ts';
import { likert, text } from './build.ts';
import { sipasComponentLabels } from './sipas-common.ts';

export const sipasQuick: FormDefinition = formDefinitionSchema.parse({
  code: 'QUICK/2021',
  version: 1,
  kind: 'sipas_quick',
  title: text('Đánh giá nhanh sự hài lòng tại Bộ phận Một cửa', 'Quick satisfaction check at the one-stop counter'),
  shortTitle: text('Phiếu đánh giá nhanh tại quầy', 'Quick counter rating'),
  description: text(
    'Ông/Bà vui lòng chạm vào mức độ hài lòng cho 5 câu hỏi dưới đây. Xin cảm ơn!',
    'Please tap how satisfied you are for each of the 5 questions below. Thank you!',
  ),
  sections: [
    {
      id: 'QUICK',
      title: text('Ông/Bà hài lòng đến mức nào?', 'How satisfied are you?'),
      questions: [
        likert('Q_TC', text('Nơi tiếp đón, chỗ ngồi chờ', 'The reception and waiting area')),
        likert('Q_TT', text('Thủ tục, giấy tờ phải nộp', 'The procedure and the papers you had to submit')),
        likert('Q_CC', text('Thái độ, sự hướng dẫn của cán bộ', 'The attitude and guidance of the staff')),
        likert('Q_KQ', text('Kết quả và thời gian giải quyết', 'The result and how long it took')),
        likert('OV', text('Nhìn chung, Ông/Bà hài lòng với lần làm thủ tục này?', 'Overall, are you satisfied with this visit?')),
      ],
    },
  ],
  scoring: {
    sipas: {
      components: [
        { code: 'TC', label: sipasComponentLabels.TC, criteria: ['Q_TC'] },
        { code: 'TT', label: sipasComponentLabels.TT, criteria: ['Q_TT'] },
        { code: 'CC', label: sipasComponentLabels.CC, criteria: ['Q_CC'] },
        { code: 'KQ', label: sipasComponentLabels.KQ, criteria: ['Q_KQ'] },
      ],
      overallQuestion: 'OV',
    },
  },
  example: { Q_TC: 4, Q_TT: 5, Q_CC: 5, Q_KQ: 4, OV: 5 },
});
