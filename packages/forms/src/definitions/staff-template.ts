/**
 * Builds a staff-survey template (mẫu phiếu CBCCVC) from a list of item-bank codes: one section
 * per PAR area, one required A–E question per item, and the PAR scoring map.
 */
import type { LocalizedText, RespondentGroup, Section } from '../definition.ts';
import { text } from './build.ts';
import { staffAreas, staffItems, type StaffArea, type StaffItemCode } from './staff-items.ts';
import { staffOptionWeights, staffScales } from './staff-scales.ts';

export interface StaffTemplateSpec {
  group: RespondentGroup;
  /** Who answers, e.g. 'Đại biểu HĐND tỉnh'. */
  respondents: LocalizedText;
  /** Which unit the answers count for. */
  rates: LocalizedText;
  items: StaffItemCode[];
  /** One letter A–E per item, in form order: the template's example response. */
  exampleAnswers: string;
}

const areaOrder = Object.keys(staffAreas) as StaffArea[];

/** The items in form order: by area, then in the order the bank lists them. */
function ordered(items: StaffItemCode[]): StaffItemCode[] {
  const bank = Object.keys(staffItems) as StaffItemCode[];
  return [...new Set(items)].sort((a, b) => bank.indexOf(a) - bank.indexOf(b));
}

function sections(items: StaffItemCode[]): Section[] {
  return areaOrder
    .map((area) => ({
      id: area,
      title: staffAreas[area],
      questions: items
        .filter((code) => staffItems[code].area === area)
        .map((code) => ({
          id: code,
          type: 'single_choice' as const,
          required: true,
          label: staffItems[code].question,
          options: staffScales[staffItems[code].scale],
        })),
    }))
    .filter((s) => s.questions.length > 0);
}

function example(items: StaffItemCode[], letters: string): Record<string, string> {
  if (letters.length !== items.length || /[^A-E]/.test(letters)) {
    throw new Error(`staff example needs one letter A–E per question (${items.length}), got '${letters}'`);
  }
  return Object.fromEntries(items.map((code, i) => [code, letters.charAt(i)]));
}

/** The raw definition; callers parse it with `formDefinitionSchema`. */
export function staffTemplate(spec: StaffTemplateSpec): unknown {
  const items = ordered(spec.items);
  const n = spec.group.slice(1);
  return {
    code: `CBCCVC-${spec.group}/2021`,
    version: 1,
    kind: 'staff',
    respondentGroup: spec.group,
    title: text(
      `Phiếu khảo sát cán bộ, công chức, viên chức về cải cách hành chính — Mẫu ${n}: ${spec.respondents.vi}`,
      `Staff survey on administrative reform — Template ${n}: ${spec.respondents.en}`,
    ),
    description: text(
      `Người trả lời: ${spec.respondents.vi}. Đơn vị được đánh giá: ${spec.rates.vi}. Chọn một phương án cho mỗi câu; chọn E nếu không đánh giá được.`,
      `Respondents: ${spec.respondents.en}. Unit rated: ${spec.rates.en}. Pick one answer per question; pick E if you cannot assess.`,
    ),
    sections: sections(items),
    scoring: {
      par: {
        optionWeights: staffOptionWeights,
        subCriteria: items.map((code) => ({
          code,
          label: staffItems[code].criterion,
          maxPoints: staffItems[code].maxPoints,
          questions: [code],
        })),
      },
    },
    example: example(items, spec.exampleAnswers),
  };
}
