/** Why a scoring input was refused; machine-readable so callers can print their own messages. */
export type ScoringIssueReason =
  | 'not_finite'
  | 'negative'
  | 'not_positive'
  | 'above_max'
  | 'above_100'
  | 'unknown_group'
  | 'duplicate'
  | 'inconsistent'
  | 'missing';

export interface ScoringIssue {
  /** The unit (or sub-criterion/component) the value belongs to. */
  unitCode: string;
  /** The input field, e.g. `selfAssessment`. */
  field: string;
  reason: ScoringIssueReason;
  /** The limit that was exceeded, when there is one. */
  limit?: number;
}

/** Thrown by the scoring functions when their input breaks a rule; `issues` lists every problem. */
export class ScoringInputError extends Error {
  override readonly name = 'ScoringInputError';
  readonly unitCode: string;
  readonly field: string;
  readonly reason: ScoringIssueReason;
  readonly issues: readonly ScoringIssue[];

  constructor(issues: readonly ScoringIssue[]) {
    const first = issues[0];
    if (!first) throw new TypeError('ScoringInputError needs at least one issue');
    super(issues.map((i) => `${i.unitCode}: ${i.field}: ${i.reason}${i.limit === undefined ? '' : ` (${i.limit})`}`).join('; '));
    this.unitCode = first.unitCode;
    this.field = first.field;
    this.reason = first.reason;
    this.issues = issues;
  }
}
