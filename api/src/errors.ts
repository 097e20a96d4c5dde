/**
 * The error catalogue: every expected error once, with a stable machine-readable code, its HTTP
 * status and a Vietnamese and English message. Code throws `new AppError('CODE', details)`; the
 * error handler alone turns errors into `{ error: { code, message, messageEn, details } }`.
 * Retired codes are never reused.
 */
export const errorCatalogue = {
  VALIDATION_FAILED: { status: 400, vi: 'Dữ liệu gửi lên không hợp lệ', en: 'The request is invalid' },
  ANSWERS_INVALID: { status: 400, vi: 'Câu trả lời chưa hợp lệ', en: 'Some answers are invalid' },
  FORM_UNKNOWN: { status: 400, vi: 'Không có mẫu phiếu này', en: 'Unknown form' },
  UNIT_UNKNOWN: { status: 404, vi: 'Không tìm thấy đơn vị', en: 'Unknown unit' },
  CAMPAIGN_NOT_FOUND: { status: 404, vi: 'Không tìm thấy đợt khảo sát', en: 'Campaign not found' },
  CAMPAIGN_NAME_TAKEN: { status: 409, vi: 'Tên đợt khảo sát đã được dùng', en: 'A campaign with this name exists' },
  NO_OPEN_CAMPAIGN: { status: 409, vi: 'Hiện không có đợt khảo sát nào đang mở', en: 'No campaign is open' },
  CAMPAIGN_CLOSED: { status: 410, vi: 'Đợt khảo sát đã kết thúc', en: 'The campaign is closed' },
  CAMPAIGN_NOT_OPEN: { status: 409, vi: 'Đợt khảo sát chưa mở', en: 'The campaign has not opened yet' },
  UNAUTHENTICATED: { status: 401, vi: 'Vui lòng đăng nhập', en: 'Please log in' },
  LOGIN_FAILED: { status: 401, vi: 'Email hoặc mật khẩu không đúng', en: 'Wrong email or password' },
  FORBIDDEN: { status: 403, vi: 'Bạn không có quyền thực hiện thao tác này', en: 'You are not allowed to do this' },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy', en: 'Not found' },
  PAYLOAD_TOO_LARGE: { status: 413, vi: 'Tệp tải lên quá lớn', en: 'The upload is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, vi: 'Định dạng dữ liệu không được hỗ trợ', en: 'Unsupported content type' },
  // Staff survey (issue 4)
  ALREADY_SUBMITTED: { status: 409, vi: 'Anh/chị đã gửi phiếu khảo sát này rồi', en: 'This survey was already answered' },
  CAMPAIGN_NOT_STAFF: { status: 409, vi: 'Đợt khảo sát này không phải khảo sát cán bộ, công chức', en: 'This is not a staff-survey campaign' },
  RATE_LIMITED: { status: 429, vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau', en: 'Too many requests, try again later' },
  CONFLICT: { status: 409, vi: 'Dữ liệu bị trùng', en: 'Conflicting data' },
  SUBMISSION_CONFLICT: {
    status: 409,
    vi: 'Mã phiếu đã được dùng cho một phiếu khác',
    en: 'This client id was already used for a different response',
  },
  // Fieldwork (issue 6)
  EMAIL_TAKEN: { status: 409, vi: 'Email này đã có tài khoản', en: 'An account with this email exists' },
  IMPORT_INVALID: { status: 400, vi: 'Tệp nhập có dòng không hợp lệ, chưa dòng nào được lưu', en: 'The import has invalid rows; nothing was saved' },
  ENUMERATOR_UNKNOWN: { status: 404, vi: 'Không tìm thấy điều tra viên', en: 'Unknown enumerator' },
  ASSIGNMENT_EXISTS: { status: 409, vi: 'Điều tra viên đã được giao địa bàn này', en: 'This assignment already exists' },
  ASSIGNMENT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy phân công', en: 'Assignment not found' },
  ASSIGNMENT_HAS_FORMS: { status: 409, vi: 'Phân công đã có phiếu, không thể xóa (hãy giảm chỉ tiêu về 0)', en: 'This assignment has forms and cannot be deleted (set its quota to 0 instead)' },
  FORBIDDEN_ASSIGNMENT: { status: 403, vi: 'Phân công này không phải của bạn', en: 'This assignment is not yours' },
  BACK_CHECK_NOT_FOUND: { status: 404, vi: 'Không tìm thấy phiếu phúc tra', en: 'Back-check not found' },
  NOT_SUPERVISED: { status: 403, vi: 'Tổ chức của bạn không giám sát đợt khảo sát này', en: 'Your organisation does not supervise this campaign' },
  PAIRING_CODE_INVALID: { status: 400, vi: 'Mã ghép nối không đúng hoặc đã hết hạn', en: 'The pairing code is wrong, used or expired' },
  DEVICE_UNAUTHORIZED: { status: 401, vi: 'Thiết bị chưa được ghép nối hoặc đã bị thu hồi', en: 'This device is not paired or was revoked' },
  KIOSK_NOT_FOUND: { status: 404, vi: 'Không tìm thấy thiết bị', en: 'Kiosk not found' },
  RESPONSE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy phiếu', en: 'Response not found' },
  DOSSIER_ALREADY_RATED: { status: 409, vi: 'Hồ sơ này đã được đánh giá trong đợt khảo sát', en: 'This dossier was already rated in this campaign' },
  RATING_CODE_INVALID: { status: 400, vi: 'Mã đánh giá không đúng hoặc đã được dùng', en: 'The rating code is wrong or already used' },
  // Sampling plan and localities (issue 6)
  CAMPAIGN_NOT_SIPAS: { status: 409, vi: 'Đợt khảo sát này không phải khảo sát SIPAS', en: 'This is not a SIPAS campaign' },
  LOCALITY_NOT_FOUND: { status: 404, vi: 'Không tìm thấy địa bàn (xã/ấp)', en: 'Locality not found' },
  LOCALITY_PARENT_INVALID: { status: 400, vi: 'Xã phải thuộc một huyện/thị xã/thành phố; ấp phải thuộc một xã', en: 'A commune belongs to a district unit; a hamlet to a commune' },
  LOCALITY_NAME_TAKEN: { status: 409, vi: 'Đã có địa bàn cùng tên ở cấp này', en: 'A locality with this name exists at this level' },
  LOCALITY_HAS_CHILDREN: { status: 409, vi: 'Xã còn ấp bên trong, hãy xóa các ấp trước', en: 'The commune still has hamlets; delete them first' },
  LOCALITY_IN_USE: { status: 409, vi: 'Địa bàn đã được giao cho điều tra viên, không xóa được', en: 'The locality is used by an assignment and cannot be deleted' },
  LOCALITY_NOT_HAMLET: { status: 400, vi: 'Chỉ tiêu phiếu chỉ đặt cho ấp/khóm', en: 'Quotas are set on hamlets only' },
  // Aggregation (issue 3)
  PAR_INPUT_INVALID: { status: 422, vi: 'Số liệu Chỉ số CCHC không hợp lệ (điểm vượt điểm tối đa hoặc âm)', en: 'PAR Index input is invalid (points negative or above their maximum)' },
  SERVICE_UNAVAILABLE: { status: 503, vi: 'Dịch vụ tạm thời không sẵn sàng', en: 'Service temporarily unavailable' },
  INTERNAL: { status: 500, vi: 'Đã có lỗi hệ thống', en: 'Internal error' },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;

  constructor(code: ErrorCode, details?: unknown) {
    super(errorCatalogue[code].en);
    this.name = 'AppError';
    this.code = code;
    this.status = errorCatalogue[code].status;
    this.details = details;
  }
}

export function errorBody(code: ErrorCode, details?: unknown) {
  const e = errorCatalogue[code];
  return { error: { code, message: e.vi, messageEn: e.en, ...(details === undefined ? {} : { details }) } };
}
