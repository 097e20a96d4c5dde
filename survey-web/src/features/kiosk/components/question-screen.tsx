/**
 * One question on one screen: Likert faces, or large option buttons for choice questions. The
 * answer already given (the citizen came back to this screen) is shown chosen. Free text and
 * numbers need a keyboard the kiosk does not have: only the question is shown, to be skipped.
 */
import { useState } from 'react';
import type { PublicForm } from '@hailong/contracts';
import { RatingButtons } from './rating-buttons';

type Question = PublicForm['sections'][number]['questions'][number];
export type AnswerValue = number | string | boolean | string[];

interface Props {
  question: Question;
  onAnswer: (v: AnswerValue | undefined) => void;
  chosen?: AnswerValue | undefined;
}

export function QuestionScreen({ question, onAnswer, chosen }: Props) {
  const [picked, setPicked] = useState<string[]>(() => (Array.isArray(chosen) ? chosen : []));
  const label = (
    <h1 className="k-question" id="k-question">
      {question.label.vi}
    </h1>
  );
  const pressed = (v: AnswerValue) => (chosen === v ? true : undefined);
  if (question.type === 'likert5') {
    return (
      <>
        {label}
        <RatingButtons
          onPick={onAnswer}
          allowNotApplicable={question.allowNotApplicable}
          chosen={typeof chosen === 'number' || chosen === 'na' ? chosen : undefined}
        />
      </>
    );
  }
  if (question.type === 'yes_no') {
    return (
      <>
        {label}
        <div className="k-options">
          <button type="button" className="k-option" aria-pressed={pressed(true)} onClick={() => onAnswer(true)}>
            Có
          </button>
          <button type="button" className="k-option" aria-pressed={pressed(false)} onClick={() => onAnswer(false)}>
            Không
          </button>
        </div>
      </>
    );
  }
  const options = question.options ?? [];
  if (question.type === 'single_choice') {
    return (
      <>
        {label}
        <div className="k-options">
          {options.map((o) => (
            <button
              key={o.code}
              type="button"
              className="k-option"
              aria-pressed={pressed(o.code)}
              onClick={() => onAnswer(o.code)}
            >
              {o.label.vi}
            </button>
          ))}
        </div>
      </>
    );
  }
  if (question.type === 'multi_choice') {
    const toggle = (c: string) => setPicked((p) => (p.includes(c) ? p.filter((x) => x !== c) : [...p, c]));
    return (
      <>
        {label}
        <div className="k-options">
          {options.map((o) => (
            <button
              key={o.code}
              type="button"
              className="k-option"
              aria-pressed={picked.includes(o.code)}
              onClick={() => toggle(o.code)}
            >
              {o.label.vi}
            </button>
          ))}
        </div>
        <button type="button" className="k-primary" onClick={() => onAnswer(picked.length > 0 ? picked : undefined)}>
          Tiếp tục
        </button>
      </>
    );
  }
  // Free text / numbers: the step's "Bỏ qua" moves on.
  return label;
}
