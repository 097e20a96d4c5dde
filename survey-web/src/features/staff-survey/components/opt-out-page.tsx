/**
 * /s/:token/opt-out — the link at the foot of every invitation and reminder mail (and the
 * List-Unsubscribe header). Opening it changes nothing — mail scanners follow links — the
 * respondent confirms with one click, then sees that no more mails will come and that the survey
 * link still works while the campaign is open.
 */
import { useState } from 'react';
import { ApiError, errorText } from '@/lib/api-client';
import { optOut } from '../api/survey-link';
import { InvalidLink, Message } from './link-states';
import '../staff-survey.css';

type State = { kind: 'ask' } | { kind: 'sending' } | { kind: 'done' } | { kind: 'invalid' } | { kind: 'error'; message: string };

export default function StaffOptOutPage({ params }: { params: Record<string, string> }) {
  const token = params.token ?? '';
  const [state, setState] = useState<State>({ kind: 'ask' });

  const confirm = async () => {
    setState({ kind: 'sending' });
    try {
      await optOut(token);
      setState({ kind: 'done' });
    } catch (err) {
      if (err instanceof ApiError && (err.status === 404 || err.status === 429)) setState({ kind: 'invalid' });
      else setState({ kind: 'error', message: errorText(err) });
    }
  };

  if (state.kind === 'invalid') return <InvalidLink />;
  if (state.kind === 'done') {
    return (
      <Message title="Anh/chị sẽ không nhận thêm thư của đợt khảo sát này">
        <p>
          Yêu cầu từ chối nhận thư đã được ghi nhận. Nếu muốn, anh/chị vẫn có thể trả lời phiếu bằng đường dẫn trong thư mời khi
          đợt khảo sát còn mở.
        </p>
        <p lang="en">
          You will receive no more invitation or reminder mails for this survey. Your survey link still works while the survey is
          open.
        </p>
        <p>
          <a href={`/s/${encodeURIComponent(token)}`}>Mở phiếu khảo sát / Open the survey</a>
        </p>
      </Message>
    );
  }
  return (
    <Message title="Từ chối nhận thư mời và thư nhắc khảo sát">
      <p>Sau khi xác nhận, anh/chị sẽ không nhận thêm thư mời hoặc thư nhắc của đợt khảo sát này.</p>
      <p lang="en">Confirm to stop invitation and reminder mails for this survey.</p>
      <div className="staff-actions">
        <button type="button" className="staff-primary" disabled={state.kind === 'sending'} onClick={() => void confirm()}>
          {state.kind === 'sending' ? 'Đang gửi… / Sending…' : 'Xác nhận từ chối nhận thư / Stop these mails'}
        </button>
        <a className="staff-secondary staff-link-button" href={`/s/${encodeURIComponent(token)}`}>
          Quay lại phiếu khảo sát / Back to the survey
        </a>
      </div>
      {state.kind === 'error' ? (
        <p className="sf-error" role="alert">
          {state.message}
        </p>
      ) : null}
    </Message>
  );
}
