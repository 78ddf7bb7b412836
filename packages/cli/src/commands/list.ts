/** `hoctap list [--json]` — the frameworks of the registered plugins. */
import { SUBJECT_NAMES_VI, type RegisteredFramework } from '@hoctap/core';
import type { Command } from '../command.js';
import type { Ctx } from '../context.js';
import { dmy } from '../text.js';

/** A registered framework as `list --json` prints it. */
export interface ListEntry {
  readonly ref: string;
  readonly plugin: string;
  readonly id: string;
  readonly title: string;
  readonly subject: string;
  readonly effective: { readonly from: string | null; readonly to: string | null } | null;
  readonly status: 'in-force' | 'draft';
  readonly file: string;
}

/** The JSON form of a registered framework. */
export function listEntry(f: RegisteredFramework): ListEntry {
  const m = f.model;
  return {
    ref: f.ref,
    plugin: f.plugin,
    id: m.id,
    title: m.title,
    subject: m.subject,
    effective: m.effective ? { from: m.effective.from, to: m.effective.to ?? null } : null,
    status: m.status,
    file: f.file,
  };
}

/** The effective period in words: `01/05/2018 – 31/12/2018`. */
export function periodText(ctx: Ctx, e: { from: string; to?: string } | undefined): string {
  if (!e) return ctx.t('không ghi', 'not stated');
  return `${dmy(e.from)} – ${e.to ? dmy(e.to) : ctx.t('nay', 'open-ended')}`;
}

/** The status in words. */
export function statusText(ctx: Ctx, s: 'in-force' | 'draft'): string {
  return s === 'in-force' ? ctx.t('ban hành', 'in force') : ctx.t('dự thảo', 'draft');
}

/** The subject kind in words. */
export function subjectText(ctx: Ctx, s: keyof typeof SUBJECT_NAMES_VI): string {
  return ctx.t(SUBJECT_NAMES_VI[s], s);
}

/** The `list` command. */
export const listCommand: Command = {
  name: 'list',
  summary: { vi: 'liệt kê các bộ tiêu chí của plugin đã đăng ký', en: 'list the frameworks of the registered plugins' },
  options: { json: { type: 'boolean' } },
  help: {
    vi: `Cách dùng: hoctap list [--json]

Liệt kê mọi bộ tiêu chí của các plugin đã đăng ký: mã dùng trong lệnh (PLUGIN/BỘ-TIÊU-CHÍ),
tên, đối tượng, thời gian hiệu lực, trạng thái (ban hành / dự thảo) và tệp nguồn.

Tùy chọn:
  --json        in dạng JSON: ref, plugin, id, title, subject, effective {from, to},
                status (in-force / draft), file
  --lang en     thông báo bằng tiếng Anh
  -h, --help    xem hướng dẫn này

Mã thoát: 0 · 1 nếu một plugin không đăng ký được`,
    en: `Usage: hoctap list [--json]

Lists every framework of the registered plugins: the reference used in commands
(PLUGIN/FRAMEWORK), title, subject kind, effective period, status and source file.

Options:
  --json        print JSON: ref, plugin, id, title, subject, effective {from, to},
                status (in-force / draft), file
  --lang en     messages in English
  -h, --help    show this help

Exit codes: 0 · 1 if a plugin fails to register`,
  },
  async run(ctx, { values }) {
    const reg = ctx.registry();
    if (values.json) {
      ctx.out(JSON.stringify(reg.frameworks.map(listEntry), null, 2));
      return 0;
    }
    for (const f of reg.frameworks) {
      const m = f.model;
      ctx.out(`${f.ref} — ${m.title}`);
      ctx.out(`  ${ctx.t('plugin', 'plugin')}: ${f.plugin} · ${ctx.t('mã', 'id')}: ${m.id} · ${ctx.t('đối tượng', 'subject')}: ${subjectText(ctx, m.subject)}`);
      ctx.out(`  ${ctx.t('hiệu lực', 'effective')}: ${periodText(ctx, m.effective)} · ${ctx.t('trạng thái', 'status')}: ${statusText(ctx, m.status)}`);
      ctx.out(`  ${ctx.t('tệp', 'file')}: ${f.file}`);
      ctx.out();
    }
    const n = reg.frameworks.length;
    ctx.out(ctx.t(`${n} bộ tiêu chí trong ${reg.plugins.length} plugin.`, `${n} framework${n === 1 ? '' : 's'} in ${reg.plugins.length} plugin${reg.plugins.length === 1 ? '' : 's'}.`));
    return 0;
  },
};
