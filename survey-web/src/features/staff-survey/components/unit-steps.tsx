/**
 * A respondent who rates several units (a People's Council delegate, docs/0018) answers the same
 * questionnaire once per unit, one unit per step: the unit's name as heading, "Đơn vị 2/3", and the
 * list of units with what is done. Moving on checks the step; the draft keeps every unit's answers;
 * the last step sends all sets at once. "Không đủ thông tin" answers E (không đánh giá được) to
 * every question of the unit, which counts for nothing in its score.
 */
import type { PublicForm } from '@hailong/contracts';
import { useRef, useState } from 'react';
import { SurveyForm } from '@/components/survey-form/survey-form';

type Answers = Record<string, unknown>;

export interface UnitStepsProps {
  form: PublicForm;
  units: { code: string; name: string }[];
  initial: Record<string, Answers>;
  /** Every unit's answers so far (for the draft). */
  onChange: (all: Record<string, Answers>) => void;
  /** Sends every set; resolves to the code of a unit the server refused (shown next), or null. */
  onSubmit: (all: Record<string, Answers>) => Promise<string | null>;
}

/** Questions answered in a unit's set, out of all. */
function answered(form: PublicForm, a: Answers | undefined): number {
  const ids = form.sections.flatMap((s) => s.questions.map((q) => q.id));
  return ids.filter((id) => a?.[id] !== undefined && a[id] !== null && a[id] !== '').length;
}

const cannotAssess = (form: PublicForm): Answers =>
  Object.fromEntries(form.sections.flatMap((s) => s.questions.map((q) => [q.id, 'E'])));

export function UnitSteps({ form, units, initial, onChange, onSubmit }: UnitStepsProps) {
  // State for rendering; the ref holds the latest sets for the handlers (a submit right after a change).
  const [all, setAll] = useState<Record<string, Answers>>(initial);
  const latest = useRef<Record<string, Answers>>(initial);
  const [step, setStep] = useState(0);
  const [version, setVersion] = useState(0);
  const unit = units[Math.min(step, units.length - 1)] ?? { code: '', name: '' };
  const last = step === units.length - 1;
  const total = form.sections.reduce((n, s) => n + s.questions.length, 0);
  const headingId = `unit-heading-${unit.code}`;

  const update = (code: string, answers: Answers) => {
    latest.current = { ...latest.current, [code]: answers };
    setAll(latest.current);
    onChange(latest.current);
  };
  const go = (i: number) => {
    setStep(i);
    window.scrollTo({ top: 0 });
  };

  return (
    <section aria-labelledby={headingId} className="staff-units">
      <ol className="staff-unit-list" aria-label="Các đơn vị anh/chị đánh giá">
        {units.map((u, i) => {
          const n = answered(form, all[u.code]);
          const state = i === step ? 'đang trả lời' : n === total ? 'đã trả lời' : n > 0 ? `${n}/${total} câu` : 'chưa trả lời';
          return (
            <li key={u.code} aria-current={i === step ? 'step' : undefined}>
              {u.name} <span className="staff-desc">({state})</span>
            </li>
          );
        })}
      </ol>
      <p className="staff-step" aria-live="polite">
        Đơn vị {step + 1}/{units.length}
      </p>
      <h2 id={headingId}>{unit.name}</h2>
      <div className="staff-actions">
        <button
          type="button"
          className="staff-secondary"
          onClick={() => {
            update(unit.code, cannotAssess(form));
            setVersion((v) => v + 1);
          }}
        >
          Không đủ thông tin để đánh giá đơn vị này
        </button>
        {step > 0 ? (
          <button type="button" className="staff-secondary" onClick={() => go(step - 1)}>
            Đơn vị trước
          </button>
        ) : null}
      </div>
      <SurveyForm
        key={`${unit.code}-${version}`}
        form={form}
        defaultValues={all[unit.code] ?? {}}
        onChange={(a) => update(unit.code, a)}
        onSubmit={async (a) => {
          update(unit.code, a);
          if (!last) return go(step + 1);
          const problem = await onSubmit(latest.current);
          const i = units.findIndex((u) => u.code === problem);
          if (i >= 0 && i !== step) go(i);
        }}
        submitLabel={last ? `Gửi phiếu khảo sát (${units.length} đơn vị)` : 'Tiếp tục: đơn vị tiếp theo'}
      />
    </section>
  );
}
