/**
 * The fixed answer labels of a form (the Likert scale, "no opinion"). Plain data without zod, so the
 * kiosk can show them without loading the validators (`@hailong/forms/labels`).
 */
import type { LocalizedText } from './definition.ts';

/** The value a Likert question takes when the respondent chooses "không ý kiến / không áp dụng". */
export const NOT_APPLICABLE = 'na' as const;

export const likertLabels: Record<1 | 2 | 3 | 4 | 5, LocalizedText> = {
  1: { vi: 'Rất không hài lòng', en: 'Very dissatisfied' },
  2: { vi: 'Không hài lòng', en: 'Dissatisfied' },
  3: { vi: 'Bình thường', en: 'Neutral' },
  4: { vi: 'Hài lòng', en: 'Satisfied' },
  5: { vi: 'Rất hài lòng', en: 'Very satisfied' },
};
export const notApplicableLabel: LocalizedText = { vi: 'Không ý kiến / không áp dụng', en: 'No opinion / not applicable' };
