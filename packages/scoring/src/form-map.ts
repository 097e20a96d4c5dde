/**
 * The parts of a form definition that scoring reads (`scoring.sipas`, `scoring.perception`,
 * `scoring.par`). Declared structurally so this package stays free of I/O and schema libraries:
 * a `FormDefinition` from `@hailong/forms` satisfies `ScoredForm` as it is.
 */

export interface SipasComponentMap {
  code: string;
  criteria: readonly string[];
}

export interface SipasScoringMap {
  components: readonly SipasComponentMap[];
  /** The overall-satisfaction question. */
  overallQuestion?: string | undefined;
}

export interface PerceptionMap {
  code: string;
  questionId: string;
  matches: readonly (string | number | boolean)[];
}

export interface ParSubCriterionMap {
  code: string;
  maxPoints: number;
  questions: readonly string[];
}

export interface ParScoringMap {
  /** Weight in percent per answer option; options not listed (E "không đánh giá được") are excluded. */
  optionWeights: Readonly<Record<string, number>>;
  subCriteria: readonly ParSubCriterionMap[];
}

export interface FormScoringMap {
  sipas?: SipasScoringMap | undefined;
  perception?: readonly PerceptionMap[] | undefined;
  /** What respondents want improved, reported as a ranking of the share answering `matches`. */
  expectations?: readonly PerceptionMap[] | undefined;
  par?: ParScoringMap | undefined;
}

export interface ScoredForm {
  code?: string;
  scoring: FormScoringMap;
}
