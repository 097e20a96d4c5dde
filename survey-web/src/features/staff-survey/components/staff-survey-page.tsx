/**
 * /s/:token — a civil servant's personal survey link. Loads the form and any saved draft, saves
 * progress as they answer (debounced) so they can resume on any device, submits once, and shows
 * a clear page for "already answered", closed, not yet open and invalid links. A respondent who
 * rates several units answers once per unit, step by step (UnitSteps).
 */
import type { SurveyAnswersInput, SurveyLink } from '@hailong/contracts';
import { useCallback, useEffect, useState } from 'react';
import { SurveyForm } from '@/components/survey-form/survey-form';
import { ApiError, errorText } from '@/lib/api-client';
import { getSurveyLink, saveDraft, submitSurvey } from '../api/survey-link';
import { AlreadyAnswered, Closed, InvalidLink, Message, NotOpen, ThankYou } from './link-states';
import { UnitSteps } from './unit-steps';
import { useAutosave, type SaveState } from './use-autosave';
import '../staff-survey.css';

type View =
  | { kind: 'loading' }
  | { kind: 'form'; link: SurveyLink }
  | { kind: 'done' }
  | { kind: 'answered'; at: string | null }
  | { kind: 'closed' }
  | { kind: 'not-open' }
  | { kind: 'invalid' }
  | { kind: 'error'; message: string };

function viewForError(err: unknown): View {
  if (err instanceof ApiError) {
    if (err.code === 'ALREADY_SUBMITTED') return { kind: 'answered', at: null };
    if (err.code === 'CAMPAIGN_CLOSED') return { kind: 'closed' };
    if (err.code === 'CAMPAIGN_NOT_OPEN') return { kind: 'not-open' };
    if (err.status === 404 || err.status === 429) return { kind: 'invalid' };
  }
  return { kind: 'error', message: errorText(err) };
}

/** The first unit a refused multi-unit submit names (ANSWERS_INVALID details carry `unitCode`). */
function unitWithProblem(err: unknown): string | null {
  if (!(err instanceof ApiError) || !Array.isArray(err.details)) return null;
  const first = (err.details as { unitCode?: unknown }[]).find((d) => typeof d.unitCode === 'string' && d.unitCode !== '');
  return typeof first?.unitCode === 'string' ? first.unitCode : null;
}

function SaveStatus({ state }: { state: SaveState }) {
  const text =
    state.kind === 'saving'
      ? 'Đang lưu…'
      : state.kind === 'saved'
        ? `Đã lưu tạm lúc ${state.at.toLocaleTimeString('vi-VN')}`
        : state.kind === 'error'
          ? `Chưa lưu được: ${state.message}`
          : '';
  return (
    <p className={`staff-save ${state.kind === 'error' ? 'sf-error' : ''}`} role="status" aria-live="polite">
      {text}
    </p>
  );
}

export default function StaffSurveyPage({ params }: { params: Record<string, string> }) {
  const token = params.token ?? '';
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [submitError, setSubmitError] = useState<string | null>(null);
  const several = view.kind === 'form' && view.link.ratedUnits.length > 1;
  const save = useCallback(
    (answers: Record<string, unknown>) =>
      saveDraft(token, (several ? { unitAnswers: answers } : { answers }) as SurveyAnswersInput),
    [token, several],
  );
  const autosave = useAutosave(save);

  useEffect(() => {
    getSurveyLink(token).then(
      (link) => setView(link.status === 'completed' ? { kind: 'answered', at: link.completedAt } : { kind: 'form', link }),
      (err: unknown) => setView(viewForError(err)),
    );
  }, [token]);

  /** Resolves to the first unit a refused multi-unit submit names (or null). */
  const send = async (body: SurveyAnswersInput): Promise<string | null> => {
    autosave.cancel();
    setSubmitError(null);
    try {
      await submitSurvey(token, body);
      setView({ kind: 'done' });
    } catch (err) {
      const next = viewForError(err);
      if (next.kind !== 'error') setView(next);
      else {
        setSubmitError(next.message);
        return unitWithProblem(err);
      }
    }
    return null;
  };

  switch (view.kind) {
    case 'loading':
      return (
        <p className="loading" role="status">
          Đang tải phiếu khảo sát… / Loading…
        </p>
      );
    case 'done':
      return <ThankYou />;
    case 'answered':
      return <AlreadyAnswered at={view.at} />;
    case 'closed':
      return <Closed />;
    case 'not-open':
      return <NotOpen />;
    case 'invalid':
      return <InvalidLink />;
    case 'error':
      return (
        <Message title="Không tải được phiếu khảo sát">
          <p className="sf-error">{view.message}</p>
          <button type="button" className="staff-secondary" onClick={() => window.location.reload()}>
            Thử lại
          </button>
        </Message>
      );
    case 'form': {
      const { link } = view;
      return (
        <main className="page narrow staff-survey">
          <h1>{link.form.title.vi}</h1>
          <p className="staff-who">
            {link.respondentName} · {link.ratedUnits.length > 1 ? `đánh giá ${link.ratedUnits.length} đơn vị` : link.unit.name} ·
            Hạn trả lời: {new Date(link.closesAt).toLocaleDateString('vi-VN')}
          </p>
          {link.form.description ? <p className="staff-desc">{link.form.description.vi}</p> : null}
          <p className="staff-desc">
            Câu trả lời được tự động lưu tạm; anh/chị có thể đóng trang và mở lại đường dẫn để tiếp tục.
          </p>
          {link.ratedUnits.length > 1 ? (
            <UnitSteps
              form={link.form}
              units={link.ratedUnits}
              initial={link.unitAnswers}
              onChange={(all) => autosave.schedule(all)}
              onSubmit={(all) => send({ unitAnswers: all as SurveyAnswersInput['unitAnswers'] })}
            />
          ) : (
            <SurveyForm
              form={link.form}
              defaultValues={link.answers}
              onChange={autosave.schedule}
              onSubmit={async (answers) => void (await send({ answers: answers as SurveyAnswersInput['answers'] }))}
              submitLabel="Gửi phiếu khảo sát"
            />
          )}
          <div className="staff-actions">
            <button type="button" className="staff-secondary" onClick={() => void autosave.flush()}>
              Lưu tạm
            </button>
            <SaveStatus state={autosave.state} />
          </div>
          {submitError ? (
            <p className="sf-error" role="alert">
              {submitError}
            </p>
          ) : null}
        </main>
      );
    }
  }
}
