export function NotFound() {
  return (
    <main className="page narrow">
      <h1>Không tìm thấy trang</h1>
      <p lang="en">Page not found.</p>
      <p>
        <a href="/">Về trang chủ / Home</a>
      </p>
    </main>
  );
}
