/**
 * Parts shared by the SIPAS forms: the five component names (METHOD.md §2), the overall
 * satisfaction question and the anonymous respondent-information section (no name, no phone).
 */
import type { LocalizedText, Question, Section } from '../definition.ts';
import { freeText, likert, option, singleChoice, text, yesNo } from './build.ts';

export const sipasComponentLabels = {
  TC: text('Tiếp cận dịch vụ', 'Access to the service'),
  TT: text('Thủ tục hành chính', 'Administrative procedure'),
  CC: text('Công chức trực tiếp giải quyết công việc', 'Civil servants handling the case'),
  KQ: text('Kết quả giải quyết thủ tục hành chính', 'Result of the service'),
  PA: text('Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị', 'Handling of feedback and complaints'),
} as const satisfies Record<string, LocalizedText>;

export type SipasComponentCode = keyof typeof sipasComponentLabels;

/** A Likert criterion: its question id and its Vietnamese and English wording. */
export type SipasCriterion = [id: string, vi: string, en: string];

/** A scoring component's Likert criteria as a form section (every criterion required, N/A allowed). */
export function criteriaSection(id: string, title: LocalizedText, criteria: SipasCriterion[]): Section {
  return {
    id,
    title,
    questions: criteria.map(([cid, vi, en]) => likert(cid, text(vi, en), { notApplicable: true })),
  };
}

/** One of the five components (METHOD.md §2) under its usual name. */
export function componentSection(code: SipasComponentCode, criteria: SipasCriterion[]): Section {
  return criteriaSection(code, sipasComponentLabels[code], criteria);
}

/** The scoring components of a form built from `componentSection`s. */
export function componentsOf(sections: Section[]): Array<{ code: string; label: LocalizedText; criteria: string[] }> {
  return sections.map((s) => ({ code: s.id, label: s.title, criteria: s.questions.map((q) => q.id) }));
}

export function overallSection(label: LocalizedText): Section {
  return {
    id: 'OVERALL',
    title: text('Đánh giá chung', 'Overall satisfaction'),
    questions: [likert('OV', label)],
  };
}

/** Ordered from the worse to the better case, as the 1–5 scales are. */
export const resultTimeOptions = [
  option('late', 'Trễ hẹn', 'Late'),
  option('on_time', 'Đúng hẹn hoặc sớm hơn hẹn', 'On time or early'),
];

const whenLate = [{ question: 'RESULT_TIME', anyOf: ['late'] }];

/**
 * The questions asked only when the result was late (METHOD.md: conditional items): whether the
 * delay was notified and whether a letter of apology was received. They follow RESULT_TIME.
 */
export function lateOnlyQuestions(): Question[] {
  return [
    {
      ...yesNo(
        'LATE_NOTIFIED',
        text(
          'Ông/Bà có được cơ quan thông báo trước về việc trễ hẹn không?',
          'Were you told beforehand that the result would be late?',
        ),
        true,
      ),
      showIf: whenLate,
    },
    {
      ...yesNo(
        'APOLOGY',
        text(
          'Ông/Bà có nhận được phiếu xin lỗi và hẹn lại ngày trả kết quả không?',
          'Did you receive a letter of apology with a new date?',
        ),
        true,
      ),
      showIf: whenLate,
    },
  ];
}

/** Perception shares of the late-only questions: counted among the late cases only. */
export function lateOnlyPerception(): Array<{ code: string; questionId: string; label: LocalizedText; matches: boolean[] }> {
  return [
    {
      code: 'late_notified',
      questionId: 'LATE_NOTIFIED',
      label: text('Trễ hẹn có được thông báo', 'Told beforehand when late'),
      matches: [true],
    },
    {
      code: 'apology_given',
      questionId: 'APOLOGY',
      label: text('Trễ hẹn có nhận phiếu xin lỗi', 'Apology letter when late'),
      matches: [true],
    },
  ];
}

function respondentQuestions(): Question[] {
  return [
    singleChoice('GENDER', text('Giới tính', 'Gender'), [option('male', 'Nam', 'Male'), option('female', 'Nữ', 'Female')], false),
    singleChoice(
      'AGE',
      text('Độ tuổi', 'Age'),
      [
        option('under_25', 'Dưới 25 tuổi', 'Under 25'),
        option('25_34', 'Từ 25 đến 34 tuổi', '25–34'),
        option('35_49', 'Từ 35 đến 49 tuổi', '35–49'),
        option('50_60', 'Từ 50 đến 60 tuổi', '50–60'),
        option('over_60', 'Trên 60 tuổi', 'Over 60'),
      ],
      false,
    ),
    singleChoice(
      'EDUCATION',
      text('Trình độ học vấn', 'Education'),
      [
        option('primary', 'Tiểu học hoặc thấp hơn', 'Primary school or less'),
        option('lower_secondary', 'Trung học cơ sở', 'Lower secondary school'),
        option('upper_secondary', 'Trung học phổ thông', 'Upper secondary school'),
        option('vocational', 'Trung cấp, cao đẳng', 'Vocational school or college'),
        option('university', 'Đại học', 'University'),
        option('postgraduate', 'Trên đại học', 'Postgraduate'),
      ],
      false,
    ),
    singleChoice(
      'OCCUPATION',
      text('Nghề nghiệp', 'Occupation'),
      [
        option('civil_servant', 'Cán bộ, công chức, viên chức', 'Civil servant or public employee'),
        option('business', 'Kinh doanh, dịch vụ', 'Business or services'),
        option('farming', 'Nông, lâm, ngư nghiệp', 'Farming, forestry or fishing'),
        option('worker', 'Công nhân, người lao động', 'Worker or employee'),
        option('student', 'Học sinh, sinh viên', 'Student'),
        option('retired', 'Nghỉ hưu', 'Retired'),
        option('other', 'Khác', 'Other'),
      ],
      false,
    ),
    freeText('PROCEDURE', text('Thủ tục hành chính Ông/Bà đã thực hiện', 'The administrative procedure you used'), {
      required: false,
      maxLength: 200,
      help: text('Ví dụ: Cấp giấy phép xây dựng', 'For example: building permit'),
    }),
    singleChoice(
      'LEVEL',
      text('Cấp giải quyết thủ tục', 'Level of government that handled it'),
      [
        option('province', 'Cấp tỉnh', 'Province'),
        option('district', 'Cấp huyện', 'District'),
        option('commune', 'Cấp xã', 'Commune'),
      ],
      false,
    ),
  ];
}

/** Anonymous respondent information; every question is optional. */
export function respondentSection(): Section {
  return {
    id: 'RESPONDENT',
    title: text('Thông tin người trả lời (không bắt buộc)', 'About you (optional)'),
    questions: respondentQuestions(),
  };
}
