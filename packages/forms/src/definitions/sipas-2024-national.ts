/**
 * SIPAS/2024: the 2024 national-style SIPAS questionnaire (household interviews by enumerators):
 * satisfaction in nine components — the five of the administrative service and four on policy —,
 * the perception items (trouble or harassment, money beyond the rules, late results) and ten
 * "expectation" items reported by the share answering "rất nhiều". Shipped also as the workbook
 * packages/forms/workbooks/SIPAS-2024.xlsx, which imports back to exactly this definition.
 */
import { formDefinitionSchema, type FormDefinition, type Section } from '../definition.ts';
import { option, singleChoice, text, yesNo } from './build.ts';
import {
  componentSection,
  componentsOf,
  criteriaSection,
  lateOnlyPerception,
  lateOnlyQuestions,
  respondentSection,
  resultTimeOptions,
  type SipasCriterion,
} from './sipas-common.ts';

const componentSections: Section[] = [
  componentSection('TC', [
    ['TC1', 'Nơi ngồi chờ có đủ chỗ ngồi', 'The waiting area has enough seats'],
    ['TC2', 'Trang thiết bị phục vụ người dân, tổ chức đầy đủ', 'The equipment for citizens is sufficient'],
    ['TC3', 'Trang thiết bị phục vụ người dân, tổ chức hiện đại', 'The equipment for citizens is modern'],
    ['TC4', 'Trang thiết bị phục vụ người dân, tổ chức dễ sử dụng', 'The equipment for citizens is easy to use'],
  ]),
  criteriaSection('TT', text('Thủ tục hành chính', 'Administrative procedures'), [
    ['TT1', 'Thủ tục hành chính được niêm yết công khai đầy đủ, chính xác', 'The procedure is posted fully and accurately'],
    ['TT2', 'Thành phần hồ sơ Ông/Bà phải nộp là đúng quy định', 'The documents you had to file were as regulated'],
    ['TT3', 'Phí, lệ phí Ông/Bà phải nộp là đúng quy định', 'The fees you paid were as regulated'],
    ['TT4', 'Thời hạn giải quyết ghi trên giấy hẹn là đúng quy định', 'The time limit on the appointment slip was as regulated'],
  ]),
  criteriaSection('CC', text('Công chức trực tiếp giải quyết công việc', 'The civil servant handling the case'), [
    ['CC1', 'Công chức có thái độ giao tiếp lịch sự', 'The civil servant was polite'],
    ['CC2', 'Công chức chú ý lắng nghe ý kiến của Ông/Bà', 'The civil servant listened to you'],
    ['CC3', 'Công chức trả lời, giải thích đầy đủ các ý kiến của Ông/Bà', 'The civil servant answered your questions fully'],
    ['CC4', 'Công chức hướng dẫn kê khai hồ sơ tận tình, dễ hiểu', 'The civil servant guided you kindly and clearly'],
    ['CC5', 'Công chức tuân thủ đúng quy định trong giải quyết công việc', 'The civil servant followed the rules'],
  ]),
  criteriaSection('KQ', text('Kết quả giải quyết thủ tục hành chính', 'The result'), [
    ['KQ1', 'Kết quả Ông/Bà nhận được là đúng quy định', 'The result you received was as regulated'],
    ['KQ2', 'Kết quả có thông tin đầy đủ, chính xác', 'The result held complete and accurate information'],
  ]),
  componentSection('PA', [
    [
      'PA1',
      'Cơ quan có bố trí hình thức tiếp nhận góp ý, phản ánh, kiến nghị',
      'The agency has ways to receive feedback and complaints',
    ],
    ['PA2', 'Ông/Bà dễ dàng thực hiện góp ý, phản ánh, kiến nghị', 'Giving feedback or complaining was easy'],
    [
      'PA3',
      'Cơ quan tiếp nhận, xử lý góp ý, phản ánh, kiến nghị tích cực, kịp thời',
      'The agency handled feedback actively and promptly',
    ],
  ]),
  criteriaSection(
    'GT',
    text('Trách nhiệm giải trình của cơ quan có thẩm quyền về chính sách', "The authorities' accountability for policy"),
    [
      [
        'GT1',
        'Cơ quan có thẩm quyền cung cấp thông tin về chính sách đầy đủ, kịp thời',
        'The authorities inform people about policy fully and in time',
      ],
      [
        'GT2',
        'Cơ quan có thẩm quyền giải thích, trả lời về chính sách rõ ràng, thỏa đáng',
        'The authorities explain policy clearly and satisfactorily',
      ],
    ],
  ),
  criteriaSection(
    'TG',
    text(
      'Sự tham gia của người dân vào xây dựng và tổ chức thực hiện chính sách',
      "Citizens' participation in making and carrying out policy",
    ),
    [
      ['TG1', 'Người dân được tham gia ý kiến vào quá trình xây dựng chính sách', 'People can comment while policy is made'],
      [
        'TG2',
        'Người dân được tham gia giám sát việc tổ chức thực hiện chính sách',
        'People can watch over how policy is carried out',
      ],
      [
        'TG3',
        'Ý kiến của người dân được cơ quan có thẩm quyền tiếp thu, phản hồi',
        'The authorities take up and answer what people say',
      ],
    ],
  ),
  criteriaSection('CL', text('Chất lượng tổ chức thực hiện chính sách', 'The quality of carrying out policy'), [
    ['CL1', 'Chính sách được phổ biến, tuyên truyền rộng rãi đến người dân', 'Policy is made widely known to people'],
    [
      'CL2',
      'Chính sách được triển khai đúng nội dung, đúng đối tượng, kịp thời',
      'Policy is carried out as written, for the right people, in time',
    ],
  ]),
  criteriaSection('HQ', text('Kết quả, tác động của chính sách', 'Results and effects of policy'), [
    ['HQ1', 'Chính sách đáp ứng được nhu cầu của người dân', "Policy meets people's needs"],
    [
      'HQ2',
      'Chính sách mang lại lợi ích thiết thực, góp phần cải thiện đời sống của người dân',
      "Policy brings real benefits and improves people's lives",
    ],
  ]),
];

const perceptionSection: Section = {
  id: 'PERCEPTION',
  title: text('Quá trình giải quyết thủ tục hành chính', 'How your case was handled'),
  questions: [
    singleChoice(
      'RESULT_TIME',
      text(
        'Ông/Bà nhận được kết quả so với ngày hẹn như thế nào?',
        'When did you receive the result compared with the appointment date?',
      ),
      resultTimeOptions,
      true,
    ),
    ...lateOnlyQuestions(),
    yesNo(
      'HARASSMENT',
      text(
        'Trong quá trình giải quyết thủ tục hành chính, công chức có gây phiền hà, sách nhiễu Ông/Bà không?',
        'While your case was handled, did a civil servant cause you trouble or harassment?',
      ),
      true,
    ),
    yesNo(
      'EXTRA_PAYMENT',
      text(
        'Ông/Bà có phải chi thêm tiền ngoài quy định để được giải quyết thủ tục hành chính không?',
        'Did you have to pay money beyond the rules to have your case handled?',
      ),
      true,
    ),
  ],
};

const expectationScale = [
  option('khong', 'Không cần', 'Not needed'),
  option('it', 'Ít', 'A little'),
  option('nhieu', 'Nhiều', 'Much'),
  option('rat_nhieu', 'Rất nhiều', 'Very much'),
];

const expectationItems: SipasCriterion[] = [
  [
    'KV1',
    'Mở rộng các hình thức thông tin để người dân dễ tiếp cận chính sách, thủ tục hành chính',
    'More ways to learn about policy and procedures',
  ],
  [
    'KV2',
    'Cải thiện cơ sở vật chất, trang thiết bị nơi tiếp nhận và trả kết quả',
    'Better premises and equipment where cases are filed',
  ],
  ['KV3', 'Tiếp tục đơn giản hóa thủ tục hành chính', 'Simpler procedures'],
  ['KV4', 'Giảm phí, lệ phí giải quyết thủ tục hành chính', 'Lower fees'],
  ['KV5', 'Nâng cao thái độ phục vụ của công chức', 'Better attitude of civil servants'],
  ['KV6', 'Nâng cao năng lực, kỹ năng giải quyết công việc của công chức', 'More capable civil servants'],
  ['KV7', 'Rút ngắn thời gian giải quyết thủ tục hành chính', 'Shorter processing times'],
  ['KV8', 'Tăng cường ứng dụng công nghệ thông tin, dịch vụ công trực tuyến', 'More online public services'],
  ['KV9', 'Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị kịp thời, thỏa đáng', 'Prompt, fair handling of feedback and complaints'],
  [
    'KV10',
    'Tăng cường sự tham gia của người dân vào xây dựng, thực hiện chính sách',
    'More say for people in making and carrying out policy',
  ],
];

const expectationSection: Section = {
  id: 'EXPECTATION',
  title: text(
    'Mong đợi của Ông/Bà: cơ quan nhà nước cần cải thiện những nội dung sau ở mức nào?',
    'What should the authorities improve, and how much?',
  ),
  questions: expectationItems.map(([id, vi, en]) => singleChoice(id, text(vi, en), expectationScale, true)),
};

const exampleRatings: Record<string, number | string> = Object.fromEntries(
  componentSections.flatMap((s) => s.questions.map((q, i) => [q.id, i % 3 === 2 ? 5 : 4])),
);

export const sipas2024: FormDefinition = formDefinitionSchema.parse({
  code: 'SIPAS/2024',
  version: 1,
  kind: 'sipas_counter',
  title: text(
    'Phiếu khảo sát sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước năm 2024',
    'Survey of citizen and business satisfaction with the services of state administrative agencies, 2024',
  ),
  shortTitle: text('Phiếu SIPAS 2024 (9 nội dung)', 'SIPAS 2024 form (9 components)'),
  description: text(
    'Phỏng vấn tại hộ gia đình. Đánh giá từ 1 (rất không hài lòng) đến 5 (rất hài lòng); chọn «không ý kiến» nếu không áp dụng.',
    'Household interview. Rate from 1 (very dissatisfied) to 5 (very satisfied); choose "no opinion" when it does not apply.',
  ),
  sections: [...componentSections, perceptionSection, expectationSection, respondentSection()],
  scoring: {
    sipas: { components: componentsOf(componentSections) },
    perception: [
      {
        code: 'harassment',
        questionId: 'HARASSMENT',
        label: text('Công chức gây phiền hà, sách nhiễu', 'An official caused trouble or harassment'),
        matches: [true],
      },
      {
        code: 'unofficial_payment',
        questionId: 'EXTRA_PAYMENT',
        label: text('Phải chi thêm tiền ngoài quy định', 'Had to pay money beyond the rules'),
        matches: [true],
      },
      {
        code: 'result_late',
        questionId: 'RESULT_TIME',
        label: text('Nhận kết quả trễ hẹn', 'Result was late'),
        matches: ['late'],
      },
      ...lateOnlyPerception(),
    ],
    expectations: expectationItems.map(([id, vi, en]) => ({
      code: id.toLowerCase(),
      questionId: id,
      label: text(vi, en),
      matches: ['rat_nhieu'],
    })),
  },
  example: {
    ...exampleRatings,
    PA3: 'na',
    RESULT_TIME: 'on_time',
    HARASSMENT: false,
    EXTRA_PAYMENT: false,
    ...Object.fromEntries(expectationItems.map(([id], i) => [id, ['rat_nhieu', 'nhieu', 'it'][i % 3]])),
    GENDER: 'male',
    AGE: '50_60',
    LEVEL: 'commune',
  },
});
