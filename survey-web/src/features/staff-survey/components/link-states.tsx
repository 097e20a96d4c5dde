/** The pages a personal link can end on: already answered, thank you, closed, invalid, error. */
export function Message({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <main className="page narrow staff-message">
      <h1>{title}</h1>
      {children}
    </main>
  );
}

export const AlreadyAnswered = ({ at }: { at?: string | null }) => (
  <Message title="Anh/chị đã trả lời phiếu khảo sát này">
    <p>
      Cảm ơn anh/chị đã tham gia khảo sát{at ? ` (gửi lúc ${new Date(at).toLocaleString('vi-VN')})` : ''}. Mỗi đường dẫn chỉ được
      gửi một lần.
    </p>
    <p lang="en">You have already answered this survey. Thank you.</p>
  </Message>
);

export const ThankYou = () => (
  <Message title="Cảm ơn anh/chị đã hoàn thành phiếu khảo sát">
    <p>Phiếu của anh/chị đã được ghi nhận.</p>
    <p lang="en">Your answers have been recorded. Thank you.</p>
  </Message>
);

export const Closed = () => (
  <Message title="Đợt khảo sát đã kết thúc">
    <p>Rất tiếc, đợt khảo sát này đã đóng nên không thể nhận thêm phiếu.</p>
    <p lang="en">This survey is closed.</p>
  </Message>
);

export const NotOpen = () => (
  <Message title="Đợt khảo sát chưa bắt đầu">
    <p>Vui lòng mở lại đường dẫn khi đợt khảo sát bắt đầu.</p>
    <p lang="en">This survey has not opened yet.</p>
  </Message>
);

export const InvalidLink = () => (
  <Message title="Đường dẫn không hợp lệ">
    <p>Không mở được phiếu khảo sát từ đường dẫn này. Vui lòng kiểm tra lại đường dẫn trong thư mời (sao chép đầy đủ).</p>
    <p lang="en">This link is not valid. Please check the link in your invitation email.</p>
  </Message>
);
