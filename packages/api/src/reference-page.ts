/**
 * The API reference page: a self-contained HTML page (no external scripts, works offline) that
 * reads /api/openapi.json and lists every operation with its parameters and schemas.
 */
export function referencePage(): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Học Tập — Tài liệu API</title>
<style>
body{font-family:system-ui,sans-serif;max-width:960px;margin:0 auto;padding:1rem;color:#1a1a1a;line-height:1.5}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}
.op{border:1px solid #ddd;border-radius:6px;padding:.6rem .8rem;margin:.6rem 0}
.m{display:inline-block;min-width:4.2rem;font-weight:700;text-transform:uppercase}
.get{color:#0a5c2c}.post{color:#0b3d91}.put,.patch{color:#7a4b00}.delete{color:#a00}
code,pre{font-family:ui-monospace,monospace;background:#f5f5f5;border-radius:4px}
pre{padding:.5rem;overflow:auto;font-size:.85rem}
details summary{cursor:pointer}
</style>
</head>
<body>
<h1>Học Tập — Tài liệu API</h1>
<p>Tài liệu sinh tự động từ <a href="/api/openapi.json"><code>/api/openapi.json</code></a> (OpenAPI 3.1). Lỗi trả về theo RFC 9457 (<code>application/problem+json</code>) với mã ổn định; gửi <code>Accept-Language: en</code> để nhận thông điệp tiếng Anh.</p>
<main id="ops"><p>Đang tải…</p></main>
<script>
(async () => {
  const el = document.getElementById('ops');
  const esc = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  try {
    const doc = await (await fetch('/api/openapi.json')).json();
    const groups = {};
    for (const [path, ops] of Object.entries(doc.paths || {})) {
      for (const [method, op] of Object.entries(ops)) {
        const tag = (op.tags && op.tags[0]) || 'Khác';
        (groups[tag] ||= []).push({ path, method, op });
      }
    }
    let html = '';
    for (const [tag, ops] of Object.entries(groups)) {
      html += '<h2>' + esc(tag) + '</h2>';
      for (const { path, method, op } of ops) {
        html += '<div class="op"><span class="m ' + method + '">' + method + '</span> <code>' + esc(path) + '</code><div>' + esc(op.summary) + '</div>';
        const body = op.requestBody && op.requestBody.content && op.requestBody.content['application/json'];
        if (body) html += '<details><summary>Dữ liệu gửi lên</summary><pre>' + esc(JSON.stringify(body.schema, null, 2)) + '</pre></details>';
        html += '<details><summary>Kết quả</summary><pre>' + esc(JSON.stringify(op.responses, null, 2)) + '</pre></details></div>';
      }
    }
    html += '<h2>Lược đồ</h2><pre>' + esc(JSON.stringify((doc.components || {}).schemas || {}, null, 2)) + '</pre>';
    el.innerHTML = html;
  } catch (e) {
    el.textContent = 'Không tải được tài liệu: ' + e;
  }
})();
</script>
</body>
</html>`;
}
