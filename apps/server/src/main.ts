#!/usr/bin/env node
/** `npm start`: reads the environment, starts the server, prints where to open it. */
import { fileURLToPath } from 'node:url';
import { DEMO_ACCOUNTS, loadConfig, startServer } from './index.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const config = loadConfig(process.env, repoRoot);
console.log(`Học Tập: đang mở cơ sở dữ liệu ${config.databaseUrl ? 'PostgreSQL' : `nhúng (PGlite) tại ${config.dataDir}`} …`);
const s = await startServer(config);
if (s.seed.seeded) console.log(`Đã khởi tạo dữ liệu mẫu: ${s.seed.units} đơn vị hành chính, ${s.seed.frameworks} bộ tiêu chí, ${s.seed.people} người.`);
if (s.demoYear) console.log(`Năm mẫu Phú Thọ 2018: ${s.demoYear.registrations} hồ sơ đăng ký, tự chấm, bình xét; ${s.demoYear.recognised} người được công nhận.`);
console.log(`\nCổng quản trị: ${s.url}/\nTài liệu API:  ${s.url}/api/reference\nBộ tiêu chí đã đăng ký: ${s.registry.frameworks.length}\n`);
console.log('Tài khoản mẫu (chỉ để thử):');
for (const a of DEMO_ACCOUNTS) console.log(`  ${a.email}  /  ${a.password}   — ${a.name}`);
const stop = async () => {
  await s.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
