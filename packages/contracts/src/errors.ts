/**
 * The error catalogue: the closed set of codes the API can answer. Each code has its HTTP status, a
 * Vietnamese and English message, and what a client holding a queued item (kiosk, online form,
 * enumerator app) should do with it:
 *   'retry' — the item is fine, the moment is not (network, 5xx, rate limit, a credential to renew):
 *             keep it queued and send it again later;
 *   'park'  — this item will never be accepted as it is: keep it on the device with its reason, report
 *             it, never send it again on its own and never let it block the items behind it.
 * Every client decides through `retryOrPark` (never its own list of codes). A new code must say which
 * it is (the `satisfies` below refuses one without). Retired codes are never reused.
 * Plain data without zod (the web clients load it alone as `@hailong/contracts/errors`); the zod
 * schema of a code is `errorCodeSchema` in common.ts.
 */
export type ClientAction = 'retry' | 'park';

interface CatalogueEntry {
  status: number;
  vi: string;
  en: string;
  client: ClientAction;
}

export const errorCatalogue = {
  VALIDATION_FAILED: { status: 400, vi: 'Dữ liệu gửi lên không hợp lệ', en: 'The request is invalid', client: 'park' },
  TEXT_INVALID: {
    status: 400,
    vi: 'Văn bản có ký tự không hợp lệ (ký tự NUL hoặc ký tự Unicode lỗi); hãy gõ lại hoặc dán lại nội dung',
    en: 'The text contains an invalid character (NUL or broken Unicode); type or paste it again',
    client: 'park',
  },
  ANSWERS_INVALID: { status: 400, vi: 'Câu trả lời chưa hợp lệ', en: 'Some answers are invalid', client: 'park' },
  FORM_UNKNOWN: { status: 400, vi: 'Không có mẫu phiếu này', en: 'Unknown form', client: 'park' },
  FORM_IN_USE: {
    status: 409,
    vi: 'Phiên bản mẫu phiếu này đã có phiếu trả lời nên không thể thay đổi; hãy nhập thành một phiên bản mới',
    en: 'This form version already has responses and cannot change; import it as a new version',
    client: 'park',
  },
  CHANNEL_FORM_INVALID: {
    status: 400,
    vi: 'Chỉ chọn được mẫu phiếu SIPAS đã lưu (phiếu tại quầy hoặc trực tuyến) cho mỗi kênh',
    en: 'Each channel can only use a stored SIPAS form (counter or online form)',
    client: 'park',
  },
  STAFF_TEMPLATE_INVALID: {
    status: 400,
    vi: 'Mỗi nhóm chỉ chọn được mẫu phiếu cán bộ, công chức đã lưu của đúng nhóm đó',
    en: 'Each group can only use a stored staff template of that group',
    client: 'park',
  },
  STAFF_TEMPLATE_LOCKED: {
    status: 409,
    vi: 'Đã gửi thư mời cho nhóm này theo mẫu phiếu hiện tại nên không thể đổi mẫu phiếu',
    en: 'Invitations of this group were already sent with the current template, so it cannot be changed',
    client: 'park',
  },
  FORM_NOT_OFFERED: {
    status: 400,
    vi: 'Đợt khảo sát không dùng mẫu phiếu này cho kênh này',
    en: 'The campaign does not use this form on this channel',
    client: 'park',
  },
  FORM_NOT_FOUND: { status: 404, vi: 'Không tìm thấy mẫu phiếu', en: 'Form not found', client: 'park' },
  UNIT_UNKNOWN: { status: 404, vi: 'Không tìm thấy đơn vị', en: 'Unknown unit', client: 'park' },
  CAMPAIGN_NOT_FOUND: { status: 404, vi: 'Không tìm thấy đợt khảo sát', en: 'Campaign not found', client: 'park' },
  CAMPAIGN_NAME_TAKEN: {
    status: 409,
    vi: 'Tên đợt khảo sát đã được dùng',
    en: 'A campaign with this name exists',
    client: 'park',
  },
  NO_OPEN_CAMPAIGN: { status: 409, vi: 'Hiện không có đợt khảo sát nào đang mở', en: 'No campaign is open', client: 'park' },
  CAMPAIGN_CLOSED: { status: 410, vi: 'Đợt khảo sát đã kết thúc', en: 'The campaign is closed', client: 'park' },
  CAMPAIGN_NOT_OPEN: { status: 409, vi: 'Đợt khảo sát chưa mở', en: 'The campaign has not opened yet', client: 'park' },
  UNAUTHENTICATED: { status: 401, vi: 'Vui lòng đăng nhập', en: 'Please log in', client: 'retry' },
  LOGIN_FAILED: { status: 401, vi: 'Email hoặc mật khẩu không đúng', en: 'Wrong email or password', client: 'park' },
  LOGIN_THROTTLED: {
    status: 429,
    vi: 'Đăng nhập sai nhiều lần; vui lòng chờ ít giây rồi thử lại',
    en: 'Too many failed logins; wait a few seconds and try again',
    client: 'retry',
  },
  ACCOUNT_LOCKED: {
    status: 423,
    vi: 'Tài khoản tạm khóa do đăng nhập sai nhiều lần; thử lại sau hoặc liên hệ quản trị viên để mở khóa',
    en: 'The account is locked after repeated failed logins; try later or ask an administrator to unlock it',
    client: 'retry',
  },
  USER_NOT_FOUND: { status: 404, vi: 'Không tìm thấy tài khoản', en: 'Account not found', client: 'park' },
  FORBIDDEN: {
    status: 403,
    vi: 'Bạn không có quyền thực hiện thao tác này',
    en: 'You are not allowed to do this',
    client: 'park',
  },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy', en: 'Not found', client: 'park' },
  PAYLOAD_TOO_LARGE: { status: 413, vi: 'Tệp tải lên quá lớn', en: 'The upload is too large', client: 'park' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    vi: 'Định dạng dữ liệu không được hỗ trợ',
    en: 'Unsupported content type',
    client: 'park',
  },
  // Staff survey (issue 4)
  ALREADY_SUBMITTED: {
    status: 409,
    vi: 'Anh/chị đã gửi phiếu khảo sát này rồi',
    en: 'This survey was already answered',
    client: 'park',
  },
  CAMPAIGN_NOT_STAFF: {
    status: 409,
    vi: 'Đợt khảo sát này không phải khảo sát cán bộ, công chức',
    en: 'This is not a staff-survey campaign',
    client: 'park',
  },
  RATE_LIMITED: {
    status: 429,
    vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau',
    en: 'Too many requests, try again later',
    client: 'retry',
  },
  CONFLICT: { status: 409, vi: 'Dữ liệu bị trùng', en: 'Conflicting data', client: 'park' },
  SUBMISSION_CONFLICT: {
    status: 409,
    vi: 'Mã phiếu đã được dùng cho một phiếu khác',
    en: 'This client id was already used for a different response',
    client: 'park',
  },
  // Sở Nội vụ console (issue 17)
  CAMPAIGN_END_PASSED: {
    status: 409,
    vi: 'Ngày kết thúc đã qua, hãy chọn ngày kết thúc mới để mở lại',
    en: 'The end date has passed; choose a new end date to reopen',
    client: 'park',
  },
  PUBLIC_URL_REQUIRED: {
    status: 409,
    vi: 'Chưa đặt PUBLIC_URL: thư gửi qua máy chủ SMTP sẽ chứa đường dẫn tới địa chỉ nội bộ của máy chủ. Hãy đặt biến môi trường PUBLIC_URL (ví dụ https://khaosat.sonoivu.gov.vn) rồi khởi động lại',
    en: 'PUBLIC_URL is not set: mail sent through SMTP would link to the server’s own loopback address. Set the PUBLIC_URL environment variable (e.g. https://survey.example.gov.vn) and restart',
    client: 'park',
  },
  USER_SELF_DISABLE: {
    status: 409,
    vi: 'Không thể tự khóa tài khoản của chính mình',
    en: 'You cannot disable your own account',
    client: 'park',
  },
  USER_LAST_ADMIN: {
    status: 409,
    vi: 'Đây là quản trị viên cuối cùng đang hoạt động, không thể khóa',
    en: 'This is the last active administrator and cannot be disabled',
    client: 'park',
  },
  SETUP_NOT_NEEDED: {
    status: 409,
    vi: 'Đã có quản trị viên; hãy đăng nhập',
    en: 'An administrator exists already; please sign in',
    client: 'park',
  },
  SETUP_TOKEN_INVALID: {
    status: 401,
    vi: 'Đường dẫn tạo quản trị viên đầu tiên không đúng',
    en: 'The first-administrator link is wrong',
    client: 'park',
  },
  // Fieldwork (issue 6)
  EMAIL_TAKEN: { status: 409, vi: 'Email này đã có tài khoản', en: 'An account with this email exists', client: 'park' },
  IMPORT_ENCODING: {
    status: 400,
    vi: 'Tệp CSV không phải mã UTF-8 (có thể là Windows-1258 hoặc TCVN3). Trong Excel: Tệp → Lưu thành → chọn «CSV UTF-8 (phân tách bằng dấu phẩy) (*.csv)», rồi tải lên lại',
    en: 'The CSV file is not UTF-8 (perhaps Windows-1258 or TCVN3). In Excel: File → Save As → «CSV UTF-8 (Comma delimited) (*.csv)», then upload it again',
    client: 'park',
  },
  IMPORT_INVALID: {
    status: 400,
    vi: 'Tệp nhập có dòng không hợp lệ, chưa dòng nào được lưu',
    en: 'The import has invalid rows; nothing was saved',
    client: 'park',
  },
  IMPORT_TOO_MANY_ROWS: {
    status: 413,
    vi: 'Tệp nhập có nhiều dòng hơn giới hạn cho loại dữ liệu này, chưa dòng nào được lưu',
    en: 'The import has more rows than allowed for this kind of data; nothing was saved',
    client: 'park',
  },
  ENUMERATOR_UNKNOWN: { status: 404, vi: 'Không tìm thấy điều tra viên', en: 'Unknown enumerator', client: 'park' },
  ASSIGNMENT_EXISTS: {
    status: 409,
    vi: 'Điều tra viên đã được giao địa bàn này',
    en: 'This assignment already exists',
    client: 'park',
  },
  ASSIGNMENT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy phân công', en: 'Assignment not found', client: 'park' },
  ASSIGNMENT_HAS_FORMS: {
    status: 409,
    vi: 'Phân công đã có phiếu, không thể xóa (hãy giảm chỉ tiêu về 0)',
    en: 'This assignment has forms and cannot be deleted (set its quota to 0 instead)',
    client: 'park',
  },
  FORBIDDEN_ASSIGNMENT: {
    status: 403,
    vi: 'Phân công này không phải của bạn',
    en: 'This assignment is not yours',
    client: 'park',
  },
  BACK_CHECK_NOT_FOUND: { status: 404, vi: 'Không tìm thấy phiếu phúc tra', en: 'Back-check not found', client: 'park' },
  BACK_CHECK_TAKEN: {
    status: 409,
    vi: 'Phiếu phúc tra này đã giao cho giám sát viên khác',
    en: 'This back-check is assigned to another supervisor',
    client: 'park',
  },
  NOT_SUPERVISED: {
    status: 403,
    vi: 'Tổ chức của bạn không giám sát đợt khảo sát này',
    en: 'Your organisation does not supervise this campaign',
    client: 'park',
  },
  PAIRING_CODE_INVALID: {
    status: 400,
    vi: 'Mã ghép nối không đúng hoặc đã hết hạn',
    en: 'The pairing code is wrong, used or expired',
    client: 'park',
  },
  DEVICE_UNAUTHORIZED: {
    status: 401,
    vi: 'Thiết bị chưa được ghép nối hoặc đã bị thu hồi',
    en: 'This device is not paired or was revoked',
    client: 'retry',
  },
  KIOSK_NOT_FOUND: { status: 404, vi: 'Không tìm thấy thiết bị', en: 'Kiosk not found', client: 'park' },
  RESPONSE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy phiếu', en: 'Response not found', client: 'park' },
  DOSSIER_ALREADY_RATED: {
    status: 409,
    vi: 'Hồ sơ này đã được đánh giá trong đợt khảo sát',
    en: 'This dossier was already rated in this campaign',
    client: 'park',
  },
  ONLINE_CODE_REQUIRED: {
    status: 400,
    vi: 'Đơn vị này yêu cầu nhập mã hồ sơ hoặc mã đánh giá',
    en: 'This unit requires a dossier number or a rating code',
    client: 'park',
  },
  RATING_CODE_INVALID: {
    status: 400,
    vi: 'Mã đánh giá không đúng hoặc đã được dùng',
    en: 'The rating code is wrong or already used',
    client: 'park',
  },
  // Sampling plan and localities (issue 6)
  CAMPAIGN_NOT_SIPAS: {
    status: 409,
    vi: 'Đợt khảo sát này không phải khảo sát SIPAS',
    en: 'This is not a SIPAS campaign',
    client: 'park',
  },
  LOCALITY_NOT_FOUND: { status: 404, vi: 'Không tìm thấy địa bàn (xã/ấp)', en: 'Locality not found', client: 'park' },
  LOCALITY_PARENT_INVALID: {
    status: 400,
    vi: 'Xã phải thuộc một huyện/thị xã/thành phố; ấp/khóm/tổ dân phố phải thuộc một xã hoặc một đơn vị cấp xã',
    en: 'A commune belongs to a district unit; a hamlet to a commune or a commune-level unit',
    client: 'park',
  },
  LOCALITY_NAME_TAKEN: {
    status: 409,
    vi: 'Đã có địa bàn cùng tên ở cấp này',
    en: 'A locality with this name exists at this level',
    client: 'park',
  },
  LOCALITY_HAS_CHILDREN: {
    status: 409,
    vi: 'Xã còn ấp bên trong, hãy xóa các ấp trước',
    en: 'The commune still has hamlets; delete them first',
    client: 'park',
  },
  LOCALITY_IN_USE: {
    status: 409,
    vi: 'Địa bàn đã được giao cho điều tra viên, không xóa được',
    en: 'The locality is used by an assignment and cannot be deleted',
    client: 'park',
  },
  LOCALITY_NOT_HAMLET: {
    status: 400,
    vi: 'Chỉ tiêu phiếu chỉ đặt cho ấp/khóm',
    en: 'Quotas are set on hamlets only',
    client: 'park',
  },
  // Aggregation (issue 3)
  PAR_INPUT_INVALID: {
    status: 422,
    vi: 'Số liệu Chỉ số CCHC không hợp lệ (điểm vượt điểm tối đa hoặc âm)',
    en: 'PAR Index input is invalid (points negative or above their maximum)',
    client: 'park',
  },
  // PAR method by year (issue 12)
  PAR_METHOD_INVALID: {
    status: 400,
    vi: 'Phương pháp tính Chỉ số CCHC không hợp lệ (xem từng trường trong chi tiết)',
    en: 'The PAR method is invalid (see each field in the details)',
    client: 'park',
  },
  PAR_METHOD_CONFIRM_REQUIRED: {
    status: 409,
    vi: 'Năm này đã có kết quả; thay đổi phương pháp sẽ làm thay đổi kết quả. Gửi lại với xác nhận (confirm: true)',
    en: 'Results exist for this year and a new method changes them; send again with confirm: true',
    client: 'park',
  },
  // Outages and malformed requests (issue 11): fixed messages, never an echo of the input
  // Focal points (issue 14 item 4)
  RESPONDENT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy người được mời', en: 'Respondent not found', client: 'park' },
  RESEND_ANSWERED: {
    status: 409,
    vi: 'Người này đã trả lời khảo sát, không cần gửi lại lời mời',
    en: 'This person has already answered; no need to resend',
    client: 'park',
  },
  RESEND_OPTED_OUT: {
    status: 409,
    vi: 'Người này đã từ chối nhận thư khảo sát; không gửi lại lời mời',
    en: 'This person opted out of survey mail; the invitation is not resent',
    client: 'park',
  },
  RESEND_BOUNCED: {
    status: 409,
    vi: 'Thư tới địa chỉ này bị trả lại; hãy báo Sở Nội vụ sửa địa chỉ email',
    en: 'Mail to this address bounced; ask the Department of Home Affairs to correct the email address',
    client: 'park',
  },
  RESEND_NOT_INVITED: {
    status: 409,
    vi: 'Lời mời đầu tiên chưa được gửi tới người này; Sở Nội vụ gửi lời mời trước',
    en: 'The first invitation has not been sent to this person yet; the Department of Home Affairs sends it first',
    client: 'park',
  },
  DATABASE_UNAVAILABLE: {
    status: 503,
    vi: 'Cơ sở dữ liệu tạm thời không truy cập được, vui lòng thử lại sau ít phút',
    en: 'The database is temporarily unreachable; try again in a moment',
    client: 'retry',
  },
  MALFORMED_REQUEST: {
    status: 400,
    vi: 'Yêu cầu không đúng định dạng (địa chỉ, tiêu đề hoặc JSON lỗi)',
    en: 'The request is malformed (bad URL, header or JSON)',
    client: 'park',
  },
  REQUEST_TIMEOUT: {
    status: 408,
    vi: 'Yêu cầu gửi quá chậm, vui lòng thử lại',
    en: 'The request took too long to arrive; try again',
    client: 'retry',
  },
  URI_TOO_LONG: { status: 414, vi: 'Địa chỉ yêu cầu quá dài', en: 'The request URL is too long', client: 'park' },
  HEADERS_TOO_LARGE: {
    status: 431,
    vi: 'Phần tiêu đề của yêu cầu quá lớn',
    en: 'The request headers are too large',
    client: 'park',
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    vi: 'Dịch vụ tạm thời không sẵn sàng',
    en: 'Service temporarily unavailable',
    client: 'retry',
  },
  INTERNAL: { status: 500, vi: 'Đã có lỗi hệ thống', en: 'Internal error', client: 'retry' },
} as const satisfies Record<string, CatalogueEntry>;

export type ErrorCode = keyof typeof errorCatalogue;

export const errorCodes = Object.keys(errorCatalogue) as [ErrorCode, ...ErrorCode[]];

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(errorCatalogue, code);
}

/** An answer a client got for a queued item: an HTTP status and (if any) the body's code, or no answer at all. */
export type ClientOutcome = { status: number; code?: string | null } | 'network';

/**
 * Retry or park, from what the server answered. A catalogue code decides by its entry. Otherwise
 * (a code from a newer server, a proxy's HTML page, no body): no answer, 408, 425, 429 and 5xx are
 * retried (the moment is wrong); any other 4xx is parked (resending the same bytes will not help).
 */
export function retryOrPark(outcome: ClientOutcome): ClientAction {
  if (outcome === 'network') return 'retry';
  if (isErrorCode(outcome.code)) return errorCatalogue[outcome.code].client;
  const { status } = outcome;
  if (status >= 500 || status === 408 || status === 425 || status === 429) return 'retry';
  if (status >= 400) return 'park';
  return 'retry';
}

/** The message of a code, Vietnamese first (for parked items and inline errors). */
export function errorMessage(code: string): { vi: string; en: string } | null {
  return isErrorCode(code) ? { vi: errorCatalogue[code].vi, en: errorCatalogue[code].en } : null;
}
