/**
 * A reviewed form's answers in words, grouped by the form's parts: "12. <question>" and the chosen
 * answer's label, unanswered questions marked. Folded by default so a long queue stays readable.
 */
import type { AnswerLine } from '@hailong/contracts';

export function ReviewAnswers({ id, lines }: { id: string; lines: AnswerLine[] }) {
  if (lines.length === 0) return null;
  const answered = lines.filter((l) => l.answer !== null).length;
  const parts: { title: string; lines: AnswerLine[] }[] = [];
  for (const l of lines) {
    const last = parts.at(-1);
    if (last && last.title === l.section.vi) last.lines.push(l);
    else parts.push({ title: l.section.vi, lines: [l] });
  }
  return (
    <details className="sv-answers">
      <summary>Xem câu trả lời <span lang="en">/ Answers</span> ({answered}/{lines.length} câu đã trả lời)</summary>
      {parts.map((p) => (
        <section key={`${id}-${p.title}`} aria-label={p.title}>
          <h4>{p.title}</h4>
          <dl>
            {p.lines.map((l) => (
              <div key={l.questionId} data-question={l.questionId}>
                <dt>{l.number}. {l.question.vi}</dt>
                <dd className={l.answer ? undefined : 'sv-muted'}>{l.answer?.vi ?? 'Không trả lời'}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </details>
  );
}
