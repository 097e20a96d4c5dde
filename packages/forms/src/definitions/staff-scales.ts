/**
 * Answer scales of the staff survey. Every question offers A–D (weighted 100 / 60 / 20 / 0 %)
 * and E "Không đánh giá được", which is excluded from scoring (METHOD.md §3).
 */
import type { Question } from '../definition.ts';
import { option } from './build.ts';

type Option = NonNullable<Question['options']>[number];
type Labels = [vi: string, en: string];

/** Percent weight of each answer; E is deliberately absent. */
export const staffOptionWeights: Record<string, number> = { A: 100, B: 60, C: 20, D: 0 };

const cannotAssess: Labels = ['Không đánh giá được', 'Cannot assess'];

function scale(a: Labels, b: Labels, c: Labels, d: Labels): Option[] {
  return (
    [
      ['A', a],
      ['B', b],
      ['C', c],
      ['D', d],
      ['E', cannotAssess],
    ] as const
  ).map(([code, [vi, en]]) => option(code, `${code}. ${vi}`, `${code}. ${en}`));
}

export const staffScales = {
  quality: scale(['Rất tốt', 'Very good'], ['Tốt', 'Good'], ['Chưa tốt', 'Not good enough'], ['Kém', 'Poor']),
  reasonable: scale(
    ['Rất hợp lý', 'Very reasonable'],
    ['Hợp lý', 'Reasonable'],
    ['Chưa hợp lý', 'Not quite reasonable'],
    ['Không hợp lý', 'Unreasonable'],
  ),
  consistency: scale(
    ['Rất thống nhất, đồng bộ', 'Fully consistent'],
    ['Thống nhất, đồng bộ', 'Consistent'],
    ['Chưa thống nhất, đồng bộ', 'Not fully consistent'],
    ['Mâu thuẫn, chồng chéo', 'Contradictory or overlapping'],
  ),
  feasibility: scale(
    ['Rất khả thi', 'Very feasible'],
    ['Khả thi', 'Feasible'],
    ['Ít khả thi', 'Hardly feasible'],
    ['Không khả thi', 'Not feasible'],
  ),
  timeliness: scale(
    ['Rất kịp thời', 'Very timely'],
    ['Kịp thời', 'Timely'],
    ['Chưa kịp thời', 'Not timely enough'],
    ['Không kịp thời', 'Not timely'],
  ),
  clarity: scale(
    ['Rất rõ ràng', 'Very clear'],
    ['Rõ ràng', 'Clear'],
    ['Chưa rõ ràng, còn chồng chéo', 'Unclear, some overlap'],
    ['Chồng chéo nhiều', 'Much overlap'],
  ),
  transparency: scale(
    ['Rất công khai, minh bạch', 'Fully open and transparent'],
    ['Công khai, minh bạch', 'Open and transparent'],
    ['Chưa thật sự công khai, minh bạch', 'Not fully open and transparent'],
    ['Không công khai, minh bạch', 'Not open or transparent'],
  ),
  /** For "is there negativity / abuse?": A is the best answer (none). */
  absence: scale(
    ['Không có', 'None'],
    ['Có nhưng rất ít', 'Very rare'],
    ['Khá phổ biến', 'Fairly common'],
    ['Rất phổ biến', 'Very common'],
  ),
  effectiveness: scale(
    ['Rất hiệu quả', 'Very effective'],
    ['Hiệu quả', 'Effective'],
    ['Chưa hiệu quả', 'Not effective enough'],
    ['Không hiệu quả', 'Ineffective'],
  ),
  attention: scale(
    ['Rất quan tâm', 'Very attentive'],
    ['Quan tâm', 'Attentive'],
    ['Ít quan tâm', 'Little attention'],
    ['Không quan tâm', 'No attention'],
  ),
  compliance: scale(
    ['Rất nghiêm túc', 'Very strictly'],
    ['Nghiêm túc', 'Strictly'],
    ['Chưa nghiêm túc', 'Not strictly enough'],
    ['Không chấp hành', 'Not followed'],
  ),
  fairness: scale(
    ['Rất công bằng, hợp lý', 'Very fair'],
    ['Công bằng, hợp lý', 'Fair'],
    ['Chưa công bằng, hợp lý', 'Not fair enough'],
    ['Không công bằng', 'Unfair'],
  ),
} as const satisfies Record<string, Option[]>;

export type StaffScale = keyof typeof staffScales;
