/**
 * /o/<unitCode>: the online-service form 02/2021-DVCTT for one unit, on the shared survey-form
 * renderer. Sending goes through the offline outbox: the response is stored on the device first
 * (with its client UUID), so a bad connection, a reload or a closed tab loses nothing; what is
 * still waiting shows as "n đang chờ gửi". Unsent typing is kept as a draft in localStorage.
 */
import { useEffect, useRef, useState } from 'react';
import type { OnlineFormInfo } from '@hailong/contracts';
import { loadValidator } from '@/components/survey-form/answers-resolver';
import { SurveyForm } from '@/components/survey-form/survey-form';
import { errorText } from '@/lib/api-client';
import { newClientId } from '@/lib/client-id';
import { formInfoInPage, keepFormInfo, loadFormInfo, type OnlineItem } from '../api/online-api';
import { KIOSK_SHELL, registerOfflineShell } from '@/lib/offline-shell';
import { useOnlineOutbox } from '../hooks/use-online-outbox';
import '../online.css';

type Done = null | 'sent' | 'queued';

const draftKey = (unitCode: string) => `hl-online-draft-${unitCode}`;

function readDraft(unitCode: string): Record<string, unknown> | undefined {
  try {
    const raw = localStorage.getItem(draftKey(unitCode));
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export default function OnlinePage({ params }: { params: Record<string, string> }) {
  const unitCode = params.unitCode ?? '';
  const [inPage] = useState(() => formInfoInPage(unitCode));
  const [info, setInfo] = useState<OnlineFormInfo | null>(inPage);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Done>(null);
  const [draft] = useState(() => readDraft(unitCode));
  const [dossier, setDossier] = useState('');
  const [ratingCode, setRatingCode] = useState('');
  const startedAt = useRef(new Date().toISOString());
  const { pending, submit, parked } = useOnlineOutbox();

  useEffect(() => registerOfflineShell({ ...KIOSK_SHELL, alsoAs: ['/o/'], lazyParts: loadValidator }), []);
  useEffect(() => {
    if (inPage) keepFormInfo(inPage);
    else loadFormInfo(unitCode).then(setInfo, (e: unknown) => setError(errorText(e)));
  }, [unitCode, inPage]);

  const send = async (answers: Record<string, unknown>) => {
    if (!info) return;
    setError(null);
    const code = dossier.trim();
    const rating = ratingCode.trim();
    if (info.codeRequired && !code && !rating) {
      setError('Vui lòng nhập mã hồ sơ hoặc mã đánh giá (Please enter the dossier number or the rating code)');
      return;
    }
    const outcome = await submit({
      unitCode,
      clientId: newClientId(), // before the first send; resends reuse it from the outbox
      formCode: info.form.code,
      answers: answers as OnlineItem['answers'], // shaped by the form's own schema (answersResolver)
      startedAt: startedAt.current,
      completedAt: new Date().toISOString(),
      ...(code ? { dossierCode: code } : {}),
      ...(rating ? { ratingCode: rating } : {}),
    });
    if (typeof outcome === 'object') {
      setError(`${outcome.rejected.vi} (${outcome.rejected.en})`);
      return;
    }
    localStorage.removeItem(draftKey(unitCode));
    setDone(outcome);
  };
  const saveDraft = (answers: Record<string, unknown>) => localStorage.setItem(draftKey(unitCode), JSON.stringify(answers));

  return (
    <main className="page narrow o-page" lang="vi">
      {info ? (
        <>
          <p className="o-unit">{info.unitName}</p>
          <h1>{info.form.title.vi}</h1>
          {info.form.description ? <p>{info.form.description.vi}</p> : null}
        </>
      ) : (
        <h1>Phiếu khảo sát dịch vụ công trực tuyến</h1>
      )}
      {done === 'sent' ? (
        <p role="status" className="o-done">
          Xin cảm ơn Ông/Bà! Ý kiến đã được ghi nhận.
        </p>
      ) : null}
      {done === 'queued' ? (
        <p role="status" className="o-done">
          Xin cảm ơn Ông/Bà! Phiếu đã được lưu trên máy và sẽ tự động gửi khi có mạng.{' '}
          <span lang="en">Saved; it will be sent when you are back online.</span>
        </p>
      ) : null}
      {!done && info ? (
        info.campaignOpen ? (
          <SurveyForm
            form={info.form}
            defaultValues={draft}
            onChange={saveDraft}
            onSubmit={send}
            submitLabel="Gửi phiếu"
            firstSectionFirst
          >
            {info.codeRequired ? (
              <p className="o-field" id="o-code-note">
                Đơn vị này yêu cầu nhập <strong>mã hồ sơ</strong> hoặc <strong>mã đánh giá</strong> (in trên phiếu hẹn trả kết
                quả). <span lang="en">A dossier number or a rating code is required.</span>
              </p>
            ) : null}
            <div className="o-field">
              <label htmlFor="o-dossier">{info.codeRequired ? 'Mã hồ sơ' : 'Mã hồ sơ (không bắt buộc)'}</label>
              <input
                id="o-dossier"
                value={dossier}
                onChange={(e) => setDossier(e.target.value)}
                autoComplete="off"
                maxLength={60}
                aria-describedby={info.codeRequired ? 'o-code-note' : undefined}
              />
            </div>
            <div className="o-field">
              <label htmlFor="o-rating-code">{info.codeRequired ? 'Mã đánh giá' : 'Mã đánh giá (không bắt buộc)'}</label>
              <input
                id="o-rating-code"
                value={ratingCode}
                onChange={(e) => setRatingCode(e.target.value)}
                autoComplete="off"
                maxLength={32}
                aria-describedby={info.codeRequired ? 'o-code-note' : undefined}
              />
            </div>
          </SurveyForm>
        ) : (
          <p role="status">Hiện chưa có đợt khảo sát nào đang mở.</p>
        )
      ) : null}
      {error ? (
        <p role="alert" className="o-error">
          {error}
        </p>
      ) : null}
      {parked.length > 0 ? (
        <div role="alert" className="o-error" data-testid="parked">
          {parked.length} phiếu đã lưu trên máy không được chấp nhận (giữ lại trên máy) / {parked.length} saved response(s)
          refused, kept on this device:
          <ul>
            {parked.map((p) => (
              <li key={p.item.clientId}>
                {p.reason.vi} ({p.reason.en})
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {pending > 0 ? (
        <p className="o-pending" data-testid="pending">
          {pending} đang chờ gửi
        </p>
      ) : null}
    </main>
  );
}
