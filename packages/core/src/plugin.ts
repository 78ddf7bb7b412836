/**
 * The locality plugin contract and the registry that checks plugins when they are registered.
 * A plugin is a plain object; the server and the CLI register plugins explicitly.
 */
import { closest, formatDiagnostic, type Diagnostic } from '@hoctap/criteria-dsl';
import { compileText } from './compile.js';
import { PluginError, FrameworkNotFoundError } from './errors.js';
import { exampleDiagnostics, runExamples } from './examples.js';
import type { Model } from './model.js';
import { selectInForce } from './select.js';

/** A criteria file shipped by a plugin: its name (for messages) and its text. */
export interface PluginFile {
  readonly file: string;
  readonly source: string;
}

/** A locality a plugin serves, keyed by its administrative-unit code. */
export interface PluginLocality {
  readonly code: string;
  readonly name: string;
  readonly level: 'province' | 'commune' | 'unit';
  readonly validFrom?: string;
  readonly validTo?: string;
  /** The code of the unit that took it over (after the 2025 reorganisation). */
  readonly successor?: string;
}

/** A locality plugin. */
export interface Plugin {
  readonly id: string;
  readonly version: string;
  readonly name: string;
  readonly localities: readonly PluginLocality[];
  readonly frameworks: readonly PluginFile[];
}

/**
 * Declares a plugin with type checking; validation happens at registration.
 * @example export default definePlugin({ id: 'phu-tho', version: '0.1.0', name: 'Phú Thọ', localities: [], frameworks: [] });
 */
export function definePlugin<P extends Plugin>(plugin: P): P {
  return plugin;
}

/** A framework as registered: its reference `PLUGIN/FRAMEWORK`, its model and where it came from. */
export interface RegisteredFramework {
  readonly ref: string;
  readonly plugin: string;
  readonly file: string;
  readonly source: string;
  readonly model: Model;
}

/** The registered plugins and their checked frameworks. */
export interface Registry {
  readonly plugins: readonly Plugin[];
  readonly frameworks: readonly RegisteredFramework[];
  /** Finds a framework by `PLUGIN/FRAMEWORK` or by its id alone; throws FrameworkNotFoundError. */
  get(ref: string): RegisteredFramework;
  /** The version of a framework family in force on a date (ISO), by subject kind and locality. */
  inForce(date: string, filter?: { subject?: Model['subject']; locality?: string; plugin?: string }): RegisteredFramework[];
}

const ID = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Checks plugins and compiles their frameworks, resolving `dựa trên` across plugins. Any problem
 * (bad manifest, criteria file with errors, failing worked example) throws a PluginError whose
 * message names the plugin, the file and the line.
 */
export function createRegistry(plugins: readonly Plugin[]): Registry {
  const problems: { plugin: string; text: string }[] = [];
  const ids = new Set<string>();
  for (const p of plugins) {
    const bad = (vi: string) => problems.push({ plugin: p.id ?? '?', text: `plugin \`${p.id ?? '?'}\`: ${vi}` });
    if (typeof p.id !== 'string' || !ID.test(p.id)) bad('`id` phải là chữ thường không dấu, số và dấu gạch ngang');
    if (ids.has(p.id)) bad('trùng `id` với một plugin khác');
    ids.add(p.id);
    if (typeof p.version !== 'string' || !/^\d+\.\d+\.\d+/.test(p.version)) bad('`version` phải có dạng 1.2.3');
    if (typeof p.name !== 'string' || p.name.trim() === '') bad('thiếu `name`');
    if (!Array.isArray(p.frameworks)) bad('`frameworks` phải là một danh sách tệp tiêu chí');
    for (const l of p.localities ?? []) {
      if (!/^\d{2}$|^\d{5}$/.test(l.code)) bad(`mã đơn vị hành chính "${l.code}" phải có 2 chữ số (tỉnh) hoặc 5 chữ số (xã)`);
    }
  }
  const registered: RegisteredFramework[] = [];
  const byId = new Map<string, Model>();
  // Files whose base is not compiled yet wait for another pass.
  let pending = plugins.flatMap((p) => (Array.isArray(p.frameworks) ? p.frameworks.map((f) => ({ plugin: p, f })) : []));
  for (let pass = 0; pending.length > 0 && pass < 10; pass++) {
    const next: typeof pending = [];
    for (const item of pending) {
      const bases = [...item.f.source.matchAll(/(?:d[ựu]a\s+tr[êe]n|based\s+on)\s*:?\s*([^\s#]+)/gi)].map((m) => m[1]!);
      if (bases.some((b) => !byId.has(b)) && pass < 9 && bases.some((b) => pending.some((x) => x !== item && new RegExp(`\\b${b}\\b`).test(x.f.source)))) {
        next.push(item);
        continue;
      }
      const r = compileText(item.f.source, { file: item.f.file, resolve: (id) => byId.get(id) });
      const diags: Diagnostic[] = [...r.diagnostics.filter((d) => d.severity === 'error')];
      if (r.valid) for (const m of r.models) diags.push(...exampleDiagnostics(runExamples(m), item.f.file));
      for (const d of diags) problems.push({ plugin: item.plugin.id, text: `plugin \`${item.plugin.id}\`: ${formatDiagnostic(d, r.source, { file: item.f.file })}` });
      for (const m of r.models) {
        if (byId.has(m.id)) problems.push({ plugin: item.plugin.id, text: `plugin \`${item.plugin.id}\`: ${item.f.file}: bộ tiêu chí \`${m.id}\` trùng mã với một bộ đã đăng ký` });
        byId.set(m.id, m);
        registered.push({ ref: `${item.plugin.id}/${m.id}`, plugin: item.plugin.id, file: item.f.file, source: r.source, model: m });
      }
    }
    pending = next;
  }
  if (problems.length > 0) {
    const first = problems[0]!;
    throw new PluginError(
      `Không đăng ký được plugin: ${problems.length} lỗi\n${problems.map((p) => p.text).join('\n')}`,
      `Plugin registration failed: ${problems.length} problems\n${problems.map((p) => p.text).join('\n')}`,
      first.plugin,
      problems.map((p) => p.text),
    );
  }
  return {
    plugins,
    frameworks: registered,
    get(ref) {
      const hit = registered.find((f) => f.ref === ref) ?? registered.find((f) => f.model.id === ref);
      if (!hit) throw new FrameworkNotFoundError(ref, closest(ref, registered.map((f) => f.ref)));
      return hit;
    },
    inForce(date, filter = {}) {
      const cands = registered.filter(
        (f) =>
          (!filter.subject || f.model.subject === filter.subject) &&
          (!filter.locality || f.model.locality?.code === filter.locality) &&
          (!filter.plugin || f.plugin === filter.plugin),
      );
      const families = new Map<string, RegisteredFramework[]>();
      for (const f of cands) {
        const key = `${f.plugin}|${f.model.subject}|${f.model.locality?.code ?? ''}`;
        families.set(key, [...(families.get(key) ?? []), f]);
      }
      return [...families.values()].flatMap((fs) => {
        const s = selectInForce(fs, date);
        return s ? [s] : [];
      });
    },
  };
}
