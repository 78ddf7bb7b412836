/** `hoctap audit [--data-dir DIR | --database-url URL] [--province NN] [--json]` — verifies the audit chains. */
import { resolve } from 'node:path';
import { openDatabase, verifyAuditChain } from '@hoctap/db';
import type { Command } from '../command.js';

/** Recomputes every hash chain of the audit log: any edited, deleted or inserted entry is found. */
export const auditCommand: Command = {
  name: 'audit',
  summary: { vi: 'kiểm tra chuỗi băm của nhật ký kiểm toán', en: 'verify the hash chains of the audit log' },
  help: {
    vi: `Cách dùng: hoctap audit [--data-dir THƯ-MỤC | --database-url URL] [--province MÃ] [--json]

Tính lại chuỗi băm của nhật ký kiểm toán (mỗi tỉnh một chuỗi) và báo mục đầu tiên bị sửa, bị xóa
hoặc bị chèn. Mặc định đọc cơ sở dữ liệu nhúng của máy chủ (.hoctap-data/pglite trong thư mục hiện
tại) — hãy dừng máy chủ trước, vì cơ sở dữ liệu nhúng chỉ mở được bởi một tiến trình; --database-url
để đọc PostgreSQL (được khi máy chủ đang chạy).

Mã thoát: 0 chuỗi nguyên vẹn; 1 có chỗ hỏng (kèm tỉnh, số thứ tự mục và lý do).`,
    en: `Usage: hoctap audit [--data-dir DIR | --database-url URL] [--province CODE] [--json]

Recomputes the audit log's hash chains (one per province) and reports the first edited, deleted or
inserted entry. Reads the server's embedded database by default (.hoctap-data/pglite in the current
directory) — stop the server first: an embedded database is opened by one process at a time;
--database-url for PostgreSQL (fine while the server runs).

Exit codes: 0 the chains hold; 1 a chain is broken (with the province, the entry number and why).`,
  },
  options: { 'data-dir': { type: 'string' }, 'database-url': { type: 'string' }, province: { type: 'string' }, json: { type: 'boolean' } },
  async run(ctx, args) {
    const url = args.values['database-url'] as string | undefined;
    const dataDir = resolve(ctx.io.cwd, (args.values['data-dir'] as string | undefined) ?? '.hoctap-data/pglite');
    const province = args.values['province'] as string | undefined;
    const handle = await openDatabase(url ? { url } : { dataDir });
    try {
      const r = await verifyAuditChain(handle.db, province);
      if (args.values['json']) ctx.out(JSON.stringify(r, null, 2));
      else if (r.ok)
        ctx.out(
          ctx.t(`Chuỗi kiểm toán nguyên vẹn: ${r.entries} mục, ${r.provinces.length} chuỗi (${r.provinces.join(', ')}).`, `Audit chains intact: ${r.entries} entries, ${r.provinces.length} chains (${r.provinces.join(', ')}).`) +
            (r.pending.count
              ? ctx.t(
                  ` ${r.pending.count} mục đã ghi đang chờ nối vào chuỗi (máy chủ nối mỗi giây và khi khởi động).`,
                  ` ${r.pending.count} committed entries are waiting to be chained (the server chains them every second and at start).`,
                )
              : ''),
        );
      else ctx.err(ctx.t(`Chuỗi kiểm toán của tỉnh ${r.province} hỏng tại mục số ${r.seq}: ${r.reason}`, `The audit chain of province ${r.province} is broken at entry ${r.seq}: ${r.reason}`));
      return r.ok ? 0 : 1;
    } finally {
      await handle.close();
    }
  },
};
