/** A suspect response's ratings with the questions' Vietnamese labels (codes if the form is unknown here). */
import { findForm, likertLabels, allQuestions } from '@hailong/forms';
import { tr } from '@/lib/i18n';

function labelsOf(formCode: string): Map<string, string> {
  const form = findForm(formCode);
  return new Map(form ? allQuestions(form).map((q) => [q.id, q.label.vi]) : []);
}

function ratingText(v: number): string {
  const label = (likertLabels as Record<number, { vi: string } | undefined>)[v];
  return label ? `${v} (${label.vi})` : String(v);
}

export function RatingsList({ formCode, answers }: { formCode: string; answers: Record<string, number> }) {
  const entries = Object.entries(answers);
  if (entries.length === 0) return <p>{tr('Điểm đánh giá', 'Ratings: —')}</p>;
  const labels = labelsOf(formCode);
  return (
    <details className="rs-ratings">
      <summary>
        {tr('Điểm đánh giá', 'Ratings')} ({entries.length})
      </summary>
      <ul>
        {entries.map(([q, v]) => (
          <li key={q}>
            {labels.get(q) ?? q}: <strong>{ratingText(v)}</strong>
          </li>
        ))}
      </ul>
    </details>
  );
}
