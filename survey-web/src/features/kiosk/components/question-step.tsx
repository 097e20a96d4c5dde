/**
 * One question screen of a kiosk session: where the citizen is ("Câu 12/36", and on the full form
 * the part of the questionnaire), the question, and on the full form two large buttons at the
 * bottom: "Quay lại" (one screen back, from the second question on) and "Bỏ qua" (questions that
 * are not required, and free text the kiosk cannot type). The quick form shows neither.
 */
import type { PublicForm } from '@hailong/contracts';
import { QuestionScreen, type AnswerValue } from './question-screen';

interface Props {
  form: PublicForm;
  index: number;
  /** Full form 01: back and skip are offered. */
  full: boolean;
  chosen: AnswerValue | undefined;
  onAnswer: (v: AnswerValue | undefined) => void;
  onBack: () => void;
}

function partOf(form: PublicForm, index: number): { part: number; title: string } {
  let n = 0;
  for (const [i, s] of form.sections.entries()) {
    n += s.questions.length;
    if (index < n) return { part: i + 1, title: s.title.vi };
  }
  return { part: form.sections.length, title: '' };
}

export function QuestionStep({ form, index, full, chosen, onAnswer, onBack }: Props) {
  const questions = form.sections.flatMap((s) => s.questions);
  const q = questions[index];
  if (!q) return null;
  const total = questions.length;
  const sections = form.sections.length;
  const { part, title } = partOf(form, index);
  const skippable = full && (!q.required || q.type === 'text' || q.type === 'number');
  return (
    <div className="k-step">
      <div
        className="k-progress"
        role="progressbar"
        aria-label="Tiến độ"
        aria-valuemin={1}
        aria-valuemax={total}
        aria-valuenow={index + 1}
        aria-valuetext={`Câu ${index + 1}/${total}`}
      >
        <span>
          Câu {index + 1}/{total}
        </span>
        <div className="k-bar">
          <div style={{ width: `${(100 * (index + 1)) / total}%` }} />
        </div>
      </div>
      {sections > 1 ? (
        <p className="k-part">
          Phần {part}/{sections}: {title}
        </p>
      ) : null}
      <QuestionScreen key={q.id} question={q} chosen={chosen} onAnswer={onAnswer} />
      {full && (index > 0 || skippable) ? (
        <nav className="k-nav" aria-label="Chuyển câu hỏi">
          {index > 0 ? (
            <button type="button" className="k-nav-button k-back" onClick={onBack}>
              <span aria-hidden="true">← </span>Quay lại
            </button>
          ) : (
            <span />
          )}
          {skippable ? (
            <button type="button" className="k-nav-button k-skip" onClick={() => onAnswer(undefined)}>
              Bỏ qua<span aria-hidden="true"> →</span>
            </button>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
