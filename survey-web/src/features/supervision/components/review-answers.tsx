/**
 * A reviewed form's answers in words, grouped by the form's parts: "12. <question>" and the chosen
 * answer's label, unanswered questions marked. Folded by default so a long queue stays readable.
 */
import type { AnswerLine } from '@hailong/contracts';
import { tr } from '@/lib/i18n';

export function ReviewAnswers({ id, lines }: { id: string; lines: AnswerLine[] }) {
  if (lines.length === 0) return null;
  const answered = lines.filter((l) => l.answer !== null).length;
  const parts: { title: string; lines: AnswerLine[] }[] = [];
  for (const l of lines) {
    const last = parts.at(-1);
    if (last && last.title === tr(l.section.vi, l.section.en)) last.lines.push(l);
    else parts.push({ title: tr(l.section.vi, l.section.en), lines: [l] });
  }
  return (
    <details className="sv-answers">
      <summary>
        {tr('Xem câu trả lời', 'Show the answers')} ({answered}/{lines.length} {tr('câu đã trả lời', 'answered')})
      </summary>
      {parts.map((p) => (
        <section key={`${id}-${p.title}`} aria-label={p.title}>
          <h4>{p.title}</h4>
          <dl>
            {p.lines.map((l) => (
              <div key={l.questionId} data-question={l.questionId}>
                <dt>
                  {l.number}. {tr(l.question.vi, l.question.en)}
                </dt>
                <dd className={l.answer ? undefined : 'sv-muted'}>
                  {l.answer ? tr(l.answer.vi, l.answer.en) : tr('Không trả lời', 'Not answered')}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </details>
  );
}
