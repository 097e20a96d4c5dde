/** /o/<unitCode>: the online-service form 02/2021-DVCTT for one unit. */
import { useEffect, useRef, useState } from 'react';
import type { OnlineFormInfo } from '@hailong/contracts';
import { api, errorText } from '@/lib/api-client';
import { newClientId } from '@/lib/client-id';
import { SimpleForm, type Answers } from './simple-form';
import '../online.css';

export default function OnlinePage({ params }: { params: Record<string, string> }) {
  const unitCode = params.unitCode ?? '';
  const [info, setInfo] = useState<OnlineFormInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const clientId = useRef(newClientId());

  useEffect(() => {
    api<OnlineFormInfo>(`/api/v1/o/${encodeURIComponent(unitCode)}`).then(setInfo, (e: unknown) => setError(errorText(e)));
  }, [unitCode]);

  const submit = async (answers: Answers, data: FormData) => {
    if (!info) return;
    setBusy(true);
    setError(null);
    const raw = data.get('__dossier');
    const dossier = typeof raw === 'string' ? raw.trim() : '';
    try {
      await api(`/api/v1/o/${encodeURIComponent(unitCode)}/responses`, {
        body: { clientId: clientId.current, formCode: info.form.code, answers, ...(dossier ? { dossierCode: dossier } : {}), completedAt: new Date().toISOString() },
      });
      setDone(true);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

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
      {done ? (
        <p role="status" className="o-done">Xin cảm ơn Ông/Bà! Ý kiến đã được ghi nhận.</p>
      ) : info ? (
        info.campaignOpen ? (
          <SimpleForm form={info.form} onSubmit={(a, d) => void submit(a, d)} submitLabel="Gửi phiếu" busy={busy} />
        ) : (
          <p role="status">Hiện chưa có đợt khảo sát nào đang mở.</p>
        )
      ) : null}
      {error ? <p role="alert" className="o-error">{error}</p> : null}
    </main>
  );
}
