#!/usr/bin/env node
/** `npm start`: reads the environment, starts the server, prints where to open it. */
import { fileURLToPath } from 'node:url';
import { DEMO_ACCOUNTS, loadConfig, ROLE_LABELS_VI, startServer } from './index.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const config = loadConfig(process.env, repoRoot);
console.log(`Học Tập: đang mở cơ sở dữ liệu ${config.databaseUrl ? 'PostgreSQL' : `nhúng (PGlite) tại ${config.dataDir}`} …`);
const s = await startServer(config);
if (s.seed.seeded) console.log(`Đã khởi tạo dữ liệu mẫu: ${s.seed.units} đơn vị hành chính, ${s.seed.frameworks} bộ tiêu chí, ${s.seed.people} người.`);
if (s.demoYear) {
  console.log('Các năm mẫu (đăng ký, tự chấm, bình xét, quyết định, công bố):');
  for (const y of s.demoYear.years) console.log(`  ${y.title} ${y.year} — ${y.place}: ${y.registrations} ${y.subjects} đăng ký, ${y.recognised} được công nhận.`);
}
console.log(`\nCổng quản trị: ${s.url}/\nTài liệu API:  ${s.url}/api/reference\nBộ tiêu chí đã đăng ký: ${s.registry.frameworks.length}\n`);
console.log('Tài khoản mẫu (chỉ để thử):');
for (const a of DEMO_ACCOUNTS) {
  const roles = a.roles.map((r) => ROLE_LABELS_VI[r] ?? r).join(', ');
  console.log(`  ${a.email}  /  ${a.password}   — ${roles}${a.name === roles ? '' : `: ${a.name}`}`);
}
const stop = async () => {
  await s.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
