export default function Home() {
  return (
    <main className="page narrow">
      <h1>Khảo sát cải cách hành chính</h1>
      <p>Hệ thống thu thập phiếu khảo sát Chỉ số CCHC và Chỉ số hài lòng (SIPAS).</p>
      <p lang="en">Survey collection for the PAR Index and citizen satisfaction (SIPAS).</p>
      <ul className="links">
        <li>
          <a href="/admin">Quản trị (Sở Nội vụ) / Administration</a>
        </li>
        <li>
          <a href="/k">Máy tính bảng tại quầy / Counter kiosk</a>
        </li>
        <li>
          <a href="/e">Điều tra viên / Enumerators</a>
        </li>
      </ul>
    </main>
  );
}
