/**
 * The staff-survey item bank (METHOD.md §3): one question per PAR sub-criterion. The question id
 * equals the sub-criterion code, so templates that ask the same thing pool under the same code.
 * Max points: 1.0 for the provincial PAR items (published 2024); 0.5 for the unit-internal items
 * of the 2021 report, whose max is not published [convention].
 */
import type { LocalizedText } from '../definition.ts';
import { text } from './build.ts';
import type { StaffScale } from './staff-scales.ts';

export const staffAreas = {
  LD: text('Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật', 'Legal documents'),
  ORG: text('Cải cách tổ chức bộ máy', 'Organisation'),
  CS: text('Cải cách chế độ công vụ', 'Civil service'),
  PF: text('Cải cách tài chính công', 'Public finance'),
  EG: text('Xây dựng chính quyền điện tử', 'E-government'),
  UI: text('Công tác cải cách hành chính tại cơ quan, đơn vị', 'Administrative reform inside the unit'),
} as const satisfies Record<string, LocalizedText>;

export type StaffArea = keyof typeof staffAreas;

export interface StaffItem {
  area: StaffArea;
  maxPoints: number;
  /** Short name of the PAR sub-criterion. */
  criterion: LocalizedText;
  question: LocalizedText;
  scale: StaffScale;
}

const unit = 'cơ quan, đơn vị';
const docs = 'văn bản quy phạm pháp luật';

function item(
  area: StaffArea,
  maxPoints: number,
  scale: StaffScale,
  criterion: [string, string],
  question: [string, string],
): StaffItem {
  return { area, maxPoints, scale, criterion: text(...criterion), question: text(...question) };
}

export const staffItems = {
  LD_CONSISTENCY: item(
    'LD',
    1,
    'consistency',
    ['Tính thống nhất, đồng bộ của văn bản QPPL', 'Consistency of legal documents'],
    [
      `Các ${docs} do ${unit} tham mưu ban hành có thống nhất, đồng bộ với hệ thống pháp luật không?`,
      'Are the legal documents the unit drafted consistent with the rest of the law?',
    ],
  ),
  LD_REASONABLENESS: item(
    'LD',
    1,
    'reasonable',
    ['Tính hợp lý của văn bản QPPL', 'Reasonableness of legal documents'],
    [
      `Các ${docs} do ${unit} tham mưu ban hành có hợp lý, phù hợp với thực tiễn không?`,
      'Are the legal documents the unit drafted reasonable and fit for practice?',
    ],
  ),
  LD_FEASIBILITY: item(
    'LD',
    1,
    'feasibility',
    ['Tính khả thi của văn bản QPPL', 'Feasibility of legal documents'],
    [
      `Các ${docs} do ${unit} tham mưu ban hành có khả thi, dễ thực hiện không?`,
      'Are the legal documents the unit drafted feasible and easy to apply?',
    ],
  ),
  LD_TIMELY_HANDLING: item(
    'LD',
    1,
    'timeliness',
    ['Xử lý kịp thời vướng mắc khi thực hiện văn bản QPPL', 'Timely handling of problems with legal documents'],
    [
      `${capitalise(unit)} xử lý các vướng mắc, bất cập trong thực hiện ${docs} có kịp thời không?`,
      'Does the unit deal with problems in applying legal documents in time?',
    ],
  ),
  ORG_STRUCTURE: item(
    'ORG',
    1,
    'reasonable',
    ['Tính hợp lý của cơ cấu tổ chức', 'Reasonable organisational structure'],
    [`Cơ cấu tổ chức bộ máy của ${unit} có hợp lý không?`, 'Is the organisational structure of the unit reasonable?'],
  ),
  ORG_FUNCTIONS: item(
    'ORG',
    1,
    'clarity',
    ['Phân định chức năng, nhiệm vụ', 'Division of functions and tasks'],
    [
      `Chức năng, nhiệm vụ giữa các phòng, bộ phận của ${unit} có được phân định rõ ràng, không chồng chéo không?`,
      'Are functions and tasks clearly divided between the divisions of the unit, without overlap?',
    ],
  ),
  ORG_WORKING_RULES: item(
    'ORG',
    1,
    'reasonable',
    ['Quy chế làm việc', 'Working regulations'],
    [
      `Quy chế làm việc của ${unit} có được ban hành đầy đủ, phù hợp không?`,
      'Are the working regulations of the unit complete and appropriate?',
    ],
  ),
  ORG_DECENTRALISATION: item(
    'ORG',
    1,
    'reasonable',
    ['Thực hiện phân cấp quản lý', 'Decentralisation of management'],
    [
      'Việc phân cấp quản lý giữa cấp trên và cấp dưới có hợp lý, được thực hiện đúng quy định không?',
      'Is management decentralised to lower levels reasonably and as regulated?',
    ],
  ),
  CS_RECRUIT_TRANSPARENT: item(
    'CS',
    1,
    'transparency',
    ['Tuyển dụng công khai, minh bạch', 'Transparent recruitment'],
    [
      `Công tác tuyển dụng công chức, viên chức của ${unit} có công khai, minh bạch không?`,
      'Is recruitment of civil servants and public employees in the unit open and transparent?',
    ],
  ),
  CS_RECRUIT_INTEGRITY: item(
    'CS',
    1,
    'absence',
    ['Không có tiêu cực trong tuyển dụng', 'No negativity in recruitment'],
    [
      'Trong tuyển dụng công chức, viên chức có hiện tượng tiêu cực (chạy việc, nâng đỡ người quen…) không?',
      'Is there negativity in recruitment (buying jobs, favouring acquaintances…)?',
    ],
  ),
  CS_APPOINT_TRANSPARENT: item(
    'CS',
    1,
    'transparency',
    ['Bổ nhiệm công khai, minh bạch', 'Transparent appointment'],
    [
      `Công tác bổ nhiệm lãnh đạo, quản lý của ${unit} có công khai, minh bạch không?`,
      'Is the appointment of leaders and managers in the unit open and transparent?',
    ],
  ),
  CS_APPOINT_INTEGRITY: item(
    'CS',
    1,
    'absence',
    ['Không có tiêu cực trong bổ nhiệm', 'No negativity in appointment'],
    [
      'Trong bổ nhiệm lãnh đạo, quản lý có hiện tượng tiêu cực (chạy chức, nâng đỡ người thân…) không?',
      'Is there negativity in appointments (buying posts, favouring relatives…)?',
    ],
  ),
  CS_TRAINING_QUALITY: item(
    'CS',
    1,
    'quality',
    ['Chất lượng đào tạo, bồi dưỡng', 'Quality of training'],
    [
      `Chất lượng đào tạo, bồi dưỡng cán bộ, công chức, viên chức của ${unit}`,
      'Quality of the training given to the staff of the unit',
    ],
  ),
  CS_STAFF_COMPETENCE: item(
    'CS',
    1,
    'quality',
    ['Năng lực của cán bộ, công chức, viên chức', 'Staff competence'],
    [
      `Năng lực chuyên môn, nghiệp vụ của cán bộ, công chức, viên chức của ${unit}`,
      'Professional competence of the staff of the unit',
    ],
  ),
  CS_STAFF_RESPONSIBILITY: item(
    'CS',
    1,
    'quality',
    ['Tinh thần trách nhiệm của cán bộ, công chức, viên chức', 'Staff responsibility'],
    [
      `Tinh thần trách nhiệm trong thực thi công vụ của cán bộ, công chức, viên chức của ${unit}`,
      'Sense of responsibility of the staff of the unit in their duties',
    ],
  ),
  CS_NO_ABUSE: item(
    'CS',
    1,
    'absence',
    ['Không lợi dụng chức vụ, quyền hạn', 'No abuse of position'],
    [
      'Có tình trạng cán bộ, công chức, viên chức lợi dụng chức vụ, quyền hạn để trục lợi, gây phiền hà không?',
      'Do staff abuse their position for personal gain or to cause trouble?',
    ],
  ),
  CS_TALENT_ATTRACTION: item(
    'CS',
    1,
    'effectiveness',
    ['Thu hút người có tài năng', 'Attracting talent'],
    [
      `Chính sách thu hút người có tài năng vào làm việc tại ${unit} có hiệu quả không?`,
      'Are the policies for attracting talented people to the unit effective?',
    ],
  ),
  PF_ADMIN_FUNDS_AUTONOMY: item(
    'PF',
    1,
    'effectiveness',
    ['Tự chủ kinh phí quản lý hành chính', 'Autonomy of administrative funds'],
    [
      `Việc thực hiện cơ chế tự chủ, tự chịu trách nhiệm về kinh phí quản lý hành chính tại ${unit}`,
      'Autonomy and accountability for administrative funds in the unit',
    ],
  ),
  PF_THRIFT: item(
    'PF',
    1,
    'effectiveness',
    ['Thực hành tiết kiệm, chống lãng phí', 'Thrift and anti-waste'],
    [`Công tác thực hành tiết kiệm, chống lãng phí tại ${unit}`, 'Thrift and the fight against waste in the unit'],
  ),
  PF_PUBLIC_ASSETS: item(
    'PF',
    1,
    'effectiveness',
    ['Quản lý, sử dụng tài sản công', 'Use of public assets'],
    [`Việc quản lý, sử dụng tài sản công tại ${unit}`, 'Management and use of public assets in the unit'],
  ),
  PF_PSU_AUTONOMY: item(
    'PF',
    1,
    'effectiveness',
    ['Tự chủ của đơn vị sự nghiệp công lập', 'Autonomy of public service units'],
    ['Việc thực hiện cơ chế tự chủ tại đơn vị sự nghiệp công lập', 'Autonomy arrangements in the public service unit'],
  ),
  EG_PORTAL_QUALITY: item(
    'EG',
    1,
    'quality',
    ['Chất lượng Trang/Cổng thông tin điện tử', 'Quality of the web portal'],
    [
      `Chất lượng Trang/Cổng thông tin điện tử của ${unit} (thông tin đầy đủ, kịp thời, dễ tra cứu)`,
      'Quality of the unit’s web portal (complete, up to date, easy to search)',
    ],
  ),
  UI_LEADER_ATTENTION: item(
    'UI',
    0.5,
    'attention',
    ['Lãnh đạo quan tâm đến cải cách hành chính', 'Leaders’ attention to reform'],
    [
      `Lãnh đạo ${unit} quan tâm đến công tác cải cách hành chính ở mức nào?`,
      'How much attention do the unit’s leaders pay to administrative reform?',
    ],
  ),
  UI_PAR_OFFICER: item(
    'UI',
    0.5,
    'quality',
    ['Năng lực công chức tham mưu cải cách hành chính', 'Competence of the reform officer'],
    [
      'Năng lực của công chức được giao tham mưu công tác cải cách hành chính',
      'Competence of the officer in charge of administrative reform',
    ],
  ),
  UI_RULES_FOLLOWED: item(
    'UI',
    0.5,
    'compliance',
    ['Chấp hành quy chế làm việc', 'Working regulations followed'],
    [
      `Lãnh đạo và cán bộ, công chức, viên chức của ${unit} chấp hành quy chế làm việc như thế nào?`,
      'How strictly do leaders and staff follow the working regulations?',
    ],
  ),
  UI_FAIR_ASSIGNMENT: item(
    'UI',
    0.5,
    'fairness',
    ['Phân công nhiệm vụ công bằng', 'Fair assignment of work'],
    [
      `Việc phân công nhiệm vụ cho cán bộ, công chức, viên chức của ${unit} có công bằng, hợp lý không?`,
      'Is work assigned to staff fairly and reasonably?',
    ],
  ),
  UI_REWARDS_BENEFITS: item(
    'UI',
    0.5,
    'timeliness',
    ['Khen thưởng, chế độ đãi ngộ kịp thời', 'Timely rewards and benefits'],
    [
      'Việc khen thưởng, thực hiện chế độ, chính sách đối với cán bộ, công chức, viên chức có kịp thời không?',
      'Are rewards and staff benefits given in time?',
    ],
  ),
} as const satisfies Record<string, StaffItem>;

export type StaffItemCode = keyof typeof staffItems;

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
