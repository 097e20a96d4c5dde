/**
 * Form 01/2021-TT: citizens served in person at the one-stop counter (Bộ phận Một cửa).
 * 5 components, 22 criteria rated 1–5 or "không ý kiến / không áp dụng" (METHOD.md §2).
 */
import { formDefinitionSchema, type FormDefinition, type Section } from '../definition.ts';
import { multiChoice, option, singleChoice, text, yesNo } from './build.ts';
import {
  componentSection,
  componentsOf,
  lateOnlyPerception,
  lateOnlyQuestions,
  overallSection,
  respondentSection,
  resultTimeOptions,
} from './sipas-common.ts';

const counter = 'tại Bộ phận Tiếp nhận và Trả kết quả';

const componentSections: Section[] = [
  componentSection('TC', [
    ['TC1', `Nơi ngồi chờ ${counter} có đủ chỗ ngồi`, 'The waiting area has enough seats'],
    ['TC2', `Trang thiết bị phục vụ người dân, tổ chức ${counter} đầy đủ`, 'Equipment for citizens at the counter is sufficient'],
    ['TC3', `Trang thiết bị phục vụ người dân, tổ chức ${counter} hiện đại`, 'Equipment for citizens at the counter is modern'],
    [
      'TC4',
      `Trang thiết bị phục vụ người dân, tổ chức ${counter} dễ sử dụng`,
      'Equipment for citizens at the counter is easy to use',
    ],
  ]),
  componentSection('TT', [
    ['TT1', 'Thủ tục hành chính được niêm yết công khai đầy đủ', 'The procedure is posted publicly and completely'],
    ['TT2', 'Thủ tục hành chính được niêm yết công khai chính xác', 'The procedure is posted publicly and accurately'],
    ['TT3', 'Thành phần hồ sơ mà Ông/Bà phải nộp là đúng quy định', 'The documents you had to submit were as regulated'],
    ['TT4', 'Phí, lệ phí mà Ông/Bà phải nộp là đúng quy định', 'The fees you paid were as regulated'],
    ['TT5', 'Thời hạn giải quyết thủ tục là đúng quy định', 'The processing time was as regulated'],
  ]),
  componentSection('CC', [
    ['CC1', 'Công chức có thái độ giao tiếp lịch sự', 'The civil servant was polite'],
    ['CC2', 'Công chức chú ý lắng nghe ý kiến của Ông/Bà', 'The civil servant listened to you attentively'],
    ['CC3', 'Công chức trả lời, giải thích đầy đủ các ý kiến của Ông/Bà', 'The civil servant answered and explained fully'],
    [
      'CC4',
      'Công chức hướng dẫn kê khai hồ sơ tận tình, chu đáo',
      'The civil servant guided you through the forms thoroughly and kindly',
    ],
    ['CC5', 'Công chức hướng dẫn kê khai hồ sơ dễ hiểu', 'The guidance on filling in the forms was easy to understand'],
    ['CC6', 'Công chức tuân thủ đúng quy định trong giải quyết công việc', 'The civil servant followed the rules'],
  ]),
  componentSection('KQ', [
    ['KQ1', 'Kết quả mà Ông/Bà nhận được là đúng quy định', 'The result you received was as regulated'],
    ['KQ2', 'Kết quả mà Ông/Bà nhận được có thông tin đầy đủ', 'The result you received had complete information'],
    ['KQ3', 'Kết quả mà Ông/Bà nhận được có thông tin chính xác', 'The result you received had accurate information'],
  ]),
  componentSection('PA', [
    [
      'PA1',
      'Cơ quan có bố trí hình thức tiếp nhận góp ý, phản ánh, kiến nghị',
      'The agency provides ways to give feedback and complaints',
    ],
    ['PA2', 'Ông/Bà dễ dàng thực hiện góp ý, phản ánh, kiến nghị', 'Giving feedback or complaints was easy'],
    [
      'PA3',
      'Cơ quan tiếp nhận, xử lý các góp ý, phản ánh, kiến nghị tích cực',
      'The agency handles feedback and complaints actively',
    ],
    [
      'PA4',
      'Cơ quan thông báo kết quả xử lý góp ý, phản ánh, kiến nghị kịp thời',
      'The agency reports the outcome of feedback promptly',
    ],
  ]),
];

const improvementOptions = [
  option('facilities', 'Cơ sở vật chất, trang thiết bị', 'Premises and equipment'),
  option('simplify', 'Đơn giản hóa thủ tục, giấy tờ', 'Simpler procedures and paperwork'),
  option('publicity', 'Công khai, minh bạch thông tin thủ tục', 'Clearer public information on procedures'),
  option('attitude', 'Thái độ phục vụ của công chức', 'Attitude of civil servants'),
  option('competence', 'Năng lực, chuyên môn của công chức', 'Competence of civil servants'),
  option('time', 'Rút ngắn thời gian giải quyết', 'Shorter processing time'),
  option('online', 'Mở rộng dịch vụ công trực tuyến', 'More online services'),
  option('feedback', 'Tiếp nhận và xử lý góp ý, phản ánh', 'Handling of feedback and complaints'),
];

const perceptionSection: Section = {
  id: 'PERCEPTION',
  title: text('Quá trình giải quyết hồ sơ', 'How your dossier was handled'),
  questions: [
    singleChoice(
      'V',
      text(
        'Để hoàn thành hồ sơ, Ông/Bà đã phải đi lại cơ quan bao nhiêu lần?',
        'How many times did you have to visit the agency to complete the dossier?',
      ),
      [
        option('1', '1 lần', 'Once'),
        option('2', '2 lần', 'Twice'),
        option('3_4', '3–4 lần', '3–4 times'),
        option('gt4', 'Trên 4 lần', 'More than 4 times'),
      ],
      true,
    ),
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
      text('Ông/Bà có gặp công chức gây phiền hà, sách nhiễu không?', 'Did any civil servant cause you trouble or harass you?'),
      true,
    ),
    yesNo(
      'EXTRA_PAYMENT',
      text(
        'Ông/Bà có phải trả thêm khoản tiền nào ngoài phí, lệ phí theo quy định không?',
        'Did you pay any money beyond the official fees?',
      ),
      true,
    ),
    multiChoice(
      'IMPROVE',
      text('Theo Ông/Bà, cơ quan cần cải thiện những nội dung nào? (chọn tối đa 3)', 'What should the agency improve? (up to 3)'),
      improvementOptions,
      { required: false, maxSelections: 3 },
    ),
  ],
};

export const sipas01: FormDefinition = formDefinitionSchema.parse({
  code: '01/2021-TT',
  // Version 2: the late-only questions are conditional (asked only when the result was late).
  version: 2,
  kind: 'sipas_counter',
  title: text(
    'Phiếu khảo sát sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan, đơn vị giải quyết thủ tục hành chính (Mẫu 01/2021-TT)',
    'Survey of satisfaction of citizens and organisations with the agencies and units that handle administrative procedures (Form 01/2021-TT)',
  ),
  shortTitle: text('Phiếu khảo sát trực tiếp – mẫu 01', 'In-person survey – form 01'),
  description: text(
    'Dành cho người dân, tổ chức đã giải quyết thủ tục hành chính trực tiếp tại Bộ phận Một cửa. Phiếu không ghi họ tên, số điện thoại.',
    'For citizens and organisations served in person at the one-stop counter. The form asks for no name or phone number.',
  ),
  sections: [
    ...componentSections,
    overallSection(
      text(
        'Nhìn chung, Ông/Bà hài lòng như thế nào với sự phục vụ của cơ quan?',
        'Overall, how satisfied are you with the service of the agency?',
      ),
    ),
    perceptionSection,
    respondentSection(),
  ],
  scoring: {
    sipas: { components: componentsOf(componentSections), overallQuestion: 'OV' },
    perception: [
      {
        code: 'visits_3_plus',
        questionId: 'V',
        label: text('Đi lại từ 3 lần trở lên', 'Visited 3 times or more'),
        matches: ['3_4', 'gt4'],
      },
      {
        code: 'result_late',
        questionId: 'RESULT_TIME',
        label: text('Nhận kết quả trễ hẹn', 'Result was late'),
        matches: ['late'],
      },
      ...lateOnlyPerception(),
      {
        code: 'harassment',
        questionId: 'HARASSMENT',
        label: text('Gặp phiền hà, sách nhiễu', 'Met trouble or harassment'),
        matches: [true],
      },
      {
        code: 'unofficial_payment',
        questionId: 'EXTRA_PAYMENT',
        label: text('Trả tiền ngoài quy định', 'Paid beyond the official fees'),
        matches: [true],
      },
    ],
  },
  example: {
    TC1: 4,
    TC2: 4,
    TC3: 3,
    TC4: 5,
    TT1: 5,
    TT2: 5,
    TT3: 4,
    TT4: 'na',
    TT5: 4,
    CC1: 5,
    CC2: 5,
    CC3: 4,
    CC4: 4,
    CC5: 4,
    CC6: 5,
    KQ1: 5,
    KQ2: 4,
    KQ3: 4,
    PA1: 4,
    PA2: 3,
    PA3: 'na',
    PA4: 'na',
    OV: 4,
    V: '2',
    RESULT_TIME: 'on_time',
    HARASSMENT: false,
    EXTRA_PAYMENT: false,
    IMPROVE: ['facilities', 'online'],
    GENDER: 'female',
    AGE: '35_49',
    EDUCATION: 'upper_secondary',
    OCCUPATION: 'business',
    PROCEDURE: 'Cấp giấy chứng nhận quyền sử dụng đất',
    LEVEL: 'district',
  },
});
