/** `hoctap demo` — the main job behind `npm start`: register, run every worked example, score the demo sheet. */
import { fileURLToPath } from 'node:url';
import { HoctapError } from '@hoctap/core';
import type { Command } from '../command.js';
import { loadFramework } from '../frameworks.js';
import { readInput } from '../input/index.js';
import { plugins } from '../plugins.js';
import { scoreAll, printReport } from './eval.js';
import { allTargets, runTargets, summaryLine } from './test.js';

/** The framework the demo sheet is scored against. */
export const DEMO_FRAMEWORK = 'phu-tho/cdht-phu-tho-2018';

/** The demo sheet: 20 pilot staff of the three pilot units of the Phú Thọ plan, one row deliberately wrong. */
export const DEMO_INPUT = fileURLToPath(new URL('../../demo/phu-tho-2018.csv', import.meta.url));

/** The `demo` command. */
export const demoCommand: Command = {
  name: 'demo',
  summary: { vi: 'chạy thử toàn bộ: đăng ký plugin, chạy ví dụ, chấm bảng điểm mẫu', en: 'run everything once: register plugins, run examples, score the demo sheet' },
  options: {},
  help: {
    vi: `Cách dùng: hoctap demo

Việc chính của \`npm start\`: đăng ký các plugin, chạy mọi ví dụ mẫu của mọi bộ tiêu chí (như
\`hoctap test --all\`), rồi chấm bảng điểm mẫu demo/phu-tho-2018.csv (20 cán bộ thí điểm của Sở
Tài nguyên và Môi trường, Cục Thuế tỉnh và Sở Y tế Phú Thọ; một dòng cố ý sai để thấy cách báo
lỗi) theo ${DEMO_FRAMEWORK}, giải thích kết quả của người đầu tiên và in tóm tắt.

Mã thoát: 0 · 1 nếu plugin không đăng ký được hoặc có ví dụ sai (dòng cố ý sai không tính)`,
    en: `Usage: hoctap demo

The main job of \`npm start\`: registers the plugins, runs every worked example of every framework
(like \`hoctap test --all\`), then scores the demo sheet demo/phu-tho-2018.csv (20 pilot staff of
three Phú Thọ agencies; one row deliberately wrong to show the row report) against
${DEMO_FRAMEWORK}, explains the first person's result and prints a summary.

Exit codes: 0 · 1 if a plugin fails to register or an example fails (the deliberate bad row does not count)`,
  },
  async run(ctx) {
    ctx.out(ctx.t('hoctap demo — Công dân học tập, thí điểm tại Phú Thọ năm 2018', 'hoctap demo — Learning Citizen, the 2018 Phú Thọ pilot'));
    ctx.out();
    ctx.out(ctx.t('1. Đăng ký plugin', '1. Registering plugins'));
    let registered = true;
    try {
      const reg = ctx.registry();
      for (const p of reg.plugins) {
        const refs = reg.frameworks.filter((f) => f.plugin === p.id).map((f) => f.ref);
        ctx.out(ctx.t(`   ✓ ${p.id} (${p.name}): ${refs.length} bộ tiêu chí — ${refs.join(', ')}`, `   ✓ ${p.id} (${p.name}): ${refs.length} framework(s) — ${refs.join(', ')}`));
      }
    } catch (e) {
      if (!(e instanceof HoctapError)) throw e;
      registered = false;
      ctx.out(`   ✗ ${ctx.t(e.message, e.messageEn)}`);
    }
    ctx.out();
    ctx.out(ctx.t(`2. Chạy ví dụ mẫu của mọi bộ tiêu chí (${plugins.length} plugin, như \`hoctap test --all\`)`, `2. Running the worked examples of every framework (${plugins.length} plugin(s), like \`hoctap test --all\`)`));
    const { ws, targets } = allTargets();
    const summary = runTargets(ctx, ws, targets);
    ctx.out(summaryLine(ctx, summary));
    if (!registered || summary.failed > 0 || summary.broken > 0) return 1;
    ctx.out();
    ctx.out(ctx.t(`3. Chấm bảng điểm demo/phu-tho-2018.csv theo ${DEMO_FRAMEWORK} (giải thích cho người đầu tiên)`, `3. Scoring demo/phu-tho-2018.csv against ${DEMO_FRAMEWORK} (explained for the first person)`));
    ctx.out();
    const fw = await loadFramework(ctx, DEMO_FRAMEWORK);
    const data = await readInput(ctx, DEMO_INPUT, fw.model);
    const run = scoreAll(fw.model, data, { explain: (k) => k === 0 });
    printReport(ctx, fw.model, run);
    return 0;
  },
};
