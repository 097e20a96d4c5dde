/**
 * Where a respondent is in a long form shown one section at a time: "Phần 2/8 · Câu 5–9/36", the
 * section's title, and a progress bar of answered questions with its text for screen readers.
 * The heading takes the focus when the section changes, so keyboard and screen-reader users start
 * at the top of the new section.
 */
import { useEffect, useRef } from 'react';

interface Props {
  section: number;
  sections: number;
  title: string;
  firstQuestion: number;
  lastQuestion: number;
  questions: number;
  answered: number;
}

export function FormProgress({ section, sections, title, firstQuestion, lastQuestion, questions, answered }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) return void (first.current = false);
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: 'start' });
  }, [section]);
  const range =
    firstQuestion === lastQuestion ? `Câu ${firstQuestion}/${questions}` : `Câu ${firstQuestion}–${lastQuestion}/${questions}`;
  return (
    <div className="sf-progress" data-testid="sf-progress">
      <h2 ref={heading} tabIndex={-1} className="sf-progress-text">
        Phần {section}/{sections} · {range}
        <span className="sf-progress-title">{title}</span>
      </h2>
      <progress max={questions} value={answered} aria-label={`Tiến độ phỏng vấn: đã trả lời ${answered}/${questions} câu`} />
      <p className="sf-progress-count" aria-hidden="true">
        Đã trả lời {answered}/{questions} câu
      </p>
    </div>
  );
}
