/**
 * Form 02/2021-DVCTT: users of online public services (link / QR code). Our adaptation of the
 * five SIPAS components to the online channel (METHOD.md §2, [convention]). The dossier code
 * (mã hồ sơ) is a separate field of the submission, not a question.
 */
import { formDefinitionSchema, type FormDefinition, type Section } from '../definition.ts';
import { option, singleChoice, text, yesNo } from './build.ts';
import {
  componentSection,
  componentsOf,
  lateOnlyPerception,
  lateOnlyQuestions,
  overallSection,
  respondentSection,
  resultTimeOptions,
} from './sipas-common.ts';

const portal = 'Cổng dịch vụ công';

const componentSections: Section[] = [
  componentSection('TC', [
    ['TC1', `Thông tin về dịch vụ công trên ${portal} dễ tìm`, 'Information about the service is easy to find on the portal'],
    ['TC2', `${portal} hoạt động nhanh, ổn định`, 'The portal is fast and stable'],
    ['TC3', `${portal} dễ sử dụng`, 'The portal is easy to use'],
    [
      'TC4',
      'Có hỗ trợ, hướng dẫn khi Ông/Bà gặp khó khăn (tổng đài, hướng dẫn trực tuyến)',
      'Help is available when you get stuck (hotline, online help)',
    ],
  ]),
  componentSection('TT', [
    [
      'TT1',
      `Thủ tục hành chính được công khai đầy đủ, chính xác trên ${portal}`,
      'The procedure is published fully and accurately on the portal',
    ],
    ['TT2', 'Thành phần hồ sơ phải nộp trực tuyến là đúng quy định', 'The documents required online were as regulated'],
    ['TT3', 'Phí, lệ phí phải nộp là đúng quy định', 'The fees were as regulated'],
    ['TT4', 'Thanh toán trực tuyến thuận tiện', 'Online payment was convenient'],
    ['TT5', 'Thời hạn giải quyết là đúng quy định', 'The processing time was as regulated'],
  ]),
  componentSection('CC', [
    ['CC1', 'Cơ quan phản hồi hồ sơ trực tuyến kịp thời', 'The agency responded to the online dossier promptly'],
    [
      'CC2',
      'Cơ quan hướng dẫn bổ sung, hoàn thiện hồ sơ rõ ràng, một lần',
      'Requests to complete the dossier were clear and made only once',
    ],
    ['CC3', 'Công chức tuân thủ đúng quy định trong giải quyết hồ sơ', 'Civil servants followed the rules'],
  ]),
  componentSection('KQ', [
    ['KQ1', 'Kết quả được trả đúng hẹn', 'The result came on time'],
    ['KQ2', 'Kết quả đầy đủ, chính xác', 'The result was complete and accurate'],
    ['KQ3', 'Nhận kết quả thuận tiện (trực tuyến hoặc qua bưu chính)', 'Receiving the result was convenient (online or by post)'],
  ]),
  componentSection('PA', [
    ['PA1', 'Có kênh góp ý, phản ánh, kiến nghị trực tuyến', 'There is an online channel for feedback and complaints'],
    ['PA2', 'Góp ý, phản ánh, kiến nghị được trả lời kịp thời', 'Feedback and complaints are answered promptly'],
  ]),
];

const perceptionSection: Section = {
  id: 'PERCEPTION',
  title: text('Quá trình giải quyết hồ sơ trực tuyến', 'How your online dossier was handled'),
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
      'IN_PERSON',
      text(
        'Ông/Bà có phải đến trực tiếp cơ quan để nộp bổ sung hồ sơ, giấy tờ không?',
        'Did you have to go to the agency in person to add documents?',
      ),
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
    singleChoice(
      'RESULT_CHANNEL',
      text('Ông/Bà nhận kết quả bằng hình thức nào?', 'How did you receive the result?'),
      [
        option('online', 'Trực tuyến', 'Online'),
        option('post', 'Qua dịch vụ bưu chính', 'By post'),
        option('counter', 'Trực tiếp tại Bộ phận Một cửa', 'In person at the one-stop counter'),
      ],
      false,
    ),
  ],
};

export const sipas02: FormDefinition = formDefinitionSchema.parse({
  code: '02/2021-DVCTT',
  // Version 2: asks the late-only questions, conditionally (only when the result was late).
  version: 2,
  kind: 'sipas_online',
  title: text(
    'Phiếu khảo sát sự hài lòng của người dân, tổ chức đối với việc cung cấp dịch vụ công trực tuyến (Mẫu 02/2021-DVCTT)',
    'Survey of satisfaction of citizens and organisations with online public services (Form 02/2021-DVCTT)',
  ),
  shortTitle: text('Phiếu khảo sát dịch vụ công trực tuyến – mẫu 02', 'Online services survey – form 02'),
  description: text(
    'Dành cho người dân, tổ chức đã nộp hồ sơ trực tuyến. Phiếu không ghi họ tên, số điện thoại.',
    'For citizens and organisations who filed a dossier online. The form asks for no name or phone number.',
  ),
  sections: [
    ...componentSections,
    overallSection(
      text(
        'Nhìn chung, Ông/Bà hài lòng như thế nào với dịch vụ công trực tuyến của cơ quan?',
        'Overall, how satisfied are you with the online services of the agency?',
      ),
    ),
    perceptionSection,
    respondentSection(),
  ],
  scoring: {
    sipas: { components: componentsOf(componentSections), overallQuestion: 'OV' },
    perception: [
      {
        code: 'result_late',
        questionId: 'RESULT_TIME',
        label: text('Nhận kết quả trễ hẹn', 'Result was late'),
        matches: ['late'],
      },
      ...lateOnlyPerception(),
      {
        code: 'in_person_visit',
        questionId: 'IN_PERSON',
        label: text('Phải đến trực tiếp cơ quan', 'Had to go in person'),
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
    TC2: 3,
    TC3: 4,
    TC4: 'na',
    TT1: 5,
    TT2: 4,
    TT3: 4,
    TT4: 'na',
    TT5: 5,
    CC1: 4,
    CC2: 5,
    CC3: 5,
    KQ1: 5,
    KQ2: 5,
    KQ3: 4,
    PA1: 4,
    PA2: 'na',
    OV: 4,
    RESULT_TIME: 'on_time',
    IN_PERSON: false,
    EXTRA_PAYMENT: false,
    RESULT_CHANNEL: 'online',
    AGE: '25_34',
    OCCUPATION: 'civil_servant',
    LEVEL: 'province',
  },
});
