/** Five large rating buttons, each with a face AND words (Rất không hài lòng … Rất hài lòng). */
import { likertLabels } from '@hailong/forms/labels';

const COLORS = ['#b3261e', '#d9661f', '#7a6a00', '#2e7d32', '#1b5e20'] as const;

function Face({ level }: { level: 1 | 2 | 3 | 4 | 5 }) {
  const color = COLORS[level - 1];
  const curve = (level - 3) * 9; // frown … smile
  return (
    <svg viewBox="0 0 100 100" width="72" height="72" aria-hidden="true" focusable="false">
      <circle cx="50" cy="50" r="46" fill="#fff" stroke={color} strokeWidth="7" />
      <circle cx="34" cy="40" r="6" fill={color} />
      <circle cx="66" cy="40" r="6" fill={color} />
      <path
        d={`M 28 ${68 - curve / 2} Q 50 ${68 + curve} 72 ${68 - curve / 2}`}
        stroke={color}
        strokeWidth="7"
        fill="none"
        strokeLinecap="round"
      />
    </svg>
  );
}

interface Props {
  onPick: (v: number | 'na') => void;
  allowNotApplicable?: boolean | undefined;
  /** The rating given before (the citizen came back to this question). */
  chosen?: number | 'na' | undefined;
}

export function RatingButtons({ onPick, allowNotApplicable, chosen }: Props) {
  const levels = [1, 2, 3, 4, 5] as const;
  return (
    <div className="k-ratings" role="group" aria-label="Mức độ hài lòng">
      {levels.map((l) => (
        <button
          key={l}
          type="button"
          className={`k-rating k-rating-${l}`}
          aria-pressed={chosen === l ? true : undefined}
          onClick={() => onPick(l)}
        >
          <Face level={l} />
          <span>{likertLabels[l].vi}</span>
        </button>
      ))}
      {allowNotApplicable ? (
        <button
          type="button"
          className="k-rating k-rating-na"
          aria-pressed={chosen === 'na' ? true : undefined}
          onClick={() => onPick('na')}
        >
          <span>Không ý kiến</span>
        </button>
      ) : null}
    </div>
  );
}
