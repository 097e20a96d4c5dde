/** One question on one screen: Likert faces, or large option buttons for choice questions. */
import { useState } from 'react';
import type { PublicForm } from '@hailong/contracts';
import { RatingButtons } from './rating-buttons';

type Question = PublicForm['sections'][number]['questions'][number];
export type AnswerValue = number | string | boolean | string[];

export function QuestionScreen({ question, onAnswer }: { question: Question; onAnswer: (v: AnswerValue | undefined) => void }) {
  const [picked, setPicked] = useState<string[]>([]);
  const label = <h1 className="k-question">{question.label.vi}</h1>;
  if (question.type === 'likert5') {
    return (
      <>
        {label}
        <RatingButtons onPick={onAnswer} allowNotApplicable={question.allowNotApplicable} />
      </>
    );
  }
  if (question.type === 'yes_no') {
    return (
      <>
        {label}
        <div className="k-options">
          <button type="button" className="k-option" onClick={() => onAnswer(true)}>Có</button>
          <button type="button" className="k-option" onClick={() => onAnswer(false)}>Không</button>
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
            <button key={o.code} type="button" className="k-option" onClick={() => onAnswer(o.code)}>{o.label.vi}</button>
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
            <button key={o.code} type="button" className="k-option" aria-pressed={picked.includes(o.code)} onClick={() => toggle(o.code)}>{o.label.vi}</button>
          ))}
        </div>
        <button type="button" className="k-primary" onClick={() => onAnswer(picked.length > 0 ? picked : undefined)}>Tiếp tục</button>
      </>
    );
  }
  // Free text / numbers need a keyboard: the kiosk skips them.
  return (
    <>
      {label}
      <button type="button" className="k-primary" onClick={() => onAnswer(undefined)}>Bỏ qua</button>
    </>
  );
}
