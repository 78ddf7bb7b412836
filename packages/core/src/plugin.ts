/**
 * The locality plugin contract and the registry that checks plugins when they are registered.
 * A plugin is a plain object; the server and the CLI register plugins explicitly.
 */
import { closest, formatDiagnostic, parse, type Diagnostic } from '@hoctap/criteria-dsl';
import { checkFramework, type CheckMode } from './check-framework.js';
import { PluginError, FrameworkNotFoundError } from './errors.js';
import type { Model } from './model.js';
import { selectInForce } from './select.js';
import type { DemoSubject } from './demo.js';
import { z } from 'zod';

/** A criteria file shipped by a plugin: its name (for messages) and its text. */
export interface PluginFile {
  readonly file: string;
  readonly source: string;
}

/** A locality a plugin serves, keyed by its administrative-unit code (QĐ 19/2025/QĐ-TTg). */
export interface PluginLocality {
  readonly code: string;
  readonly name: string;
  readonly level: 'province' | 'commune';
  /** First and last day the unit existed under this code (ISO); open when absent. */
  readonly validFrom?: string;
  readonly validTo?: string;
  /** The code of the unit that took it over (the 2025 reorganisation). */
  readonly successor?: string;
  /** The province code, for a commune. */
  readonly province?: string;
  /** A note on how sure the code is, when it is not confirmed by the decision's appendix. */
  readonly note?: string;
}

/** A paper form a plan names: registration slip, commitment, self-study plan, score sheet, minutes. */
export interface PluginForm {
  readonly id: string;
  readonly title: string;
  readonly kind: 'registration-slip' | 'collective-registration' | 'commitment' | 'self-study-plan' | 'score-sheet' | 'minutes';
  /** The framework id it belongs to. */
  readonly framework?: string;
  /** Where the plan names it: "KH 218/KH-PNV ngày 20/3/2023, mục III.2 (mẫu 1)". */
  readonly source: string;
  /** The fields to fill in, in order. */
  readonly fields: readonly { readonly id: string; readonly label: string; readonly type: 'text' | 'date' | 'number' | 'signature' | 'long-text' }[];
}

/** Demo subjects for one framework and year. */
export interface DemoSet {
  readonly framework: string;
  readonly year: number;
  readonly locality?: string;
  readonly subjects: readonly DemoSubject[];
}

/** A locality plugin: a plain object, checked when it is registered. */
export interface Plugin {
  readonly id: string;
  readonly version: string;
  readonly name: string;
  readonly description?: string;
  readonly localities: readonly PluginLocality[];
  readonly frameworks: readonly PluginFile[];
  readonly forms?: readonly PluginForm[];
  /** Realistic demo data, reproducible from the seed. `model` looks up a registered framework by id. */
  readonly demo?: (ctx: { readonly seed: number; readonly model: (id: string) => Model }) => readonly DemoSet[];
}

/**
 * Declares a plugin with type checking; validation happens at registration.
 * @example export default definePlugin({ id: 'phu-tho', version: '0.1.0', name: 'Phú Thọ', localities: [], frameworks: [file('x.tieuchi')] });
 */
export function definePlugin<P extends Plugin>(plugin: P): P {
  return plugin;
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày dạng yyyy-mm-dd');
const manifestSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'chỉ gồm chữ thường không dấu, số và dấu gạch ngang'),
  version: z.string().regex(/^\d+\.\d+\.\d+/, 'dạng 1.2.3'),
  name: z.string().min(1),
  description: z.string().optional(),
  localities: z.array(
    z.object({
      code: z.string().regex(/^(\d{2}|\d{5})$/, '2 chữ số (tỉnh) hoặc 5 chữ số (xã)'),
      name: z.string().min(1),
      level: z.enum(['province', 'commune']),
      validFrom: isoDate.optional(),
      validTo: isoDate.optional(),
      successor: z.string().optional(),
      province: z.string().optional(),
      note: z.string().optional(),
    }),
  ),
  frameworks: z.array(z.object({ file: z.string().min(1), source: z.string() })).min(1, 'cần ít nhất một tệp tiêu chí'),
  forms: z
    .array(
      z.object({
        id: z.string().min(1),
        title: z.string().min(1),
        kind: z.enum(['registration-slip', 'collective-registration', 'commitment', 'self-study-plan', 'score-sheet', 'minutes']),
        framework: z.string().optional(),
        source: z.string().min(1, 'cần ghi nguồn (văn bản nêu biểu mẫu)'),
        fields: z.array(z.object({ id: z.string().min(1), label: z.string().min(1), type: z.enum(['text', 'date', 'number', 'signature', 'long-text']) })).min(1),
      }),
    )
    .optional(),
  demo: z.function().optional(),
});

/** A framework as registered: its reference `PLUGIN/FRAMEWORK`, its model and where it came from. */
export interface RegisteredFramework {
  readonly ref: string;
  readonly plugin: string;
  readonly file: string;
  readonly source: string;
  readonly model: Model;
  /** What checking its file reported besides errors (warnings; in a `draft` registry, the framework rules too). */
  readonly diagnostics: readonly Diagnostic[];
}

/** How `createRegistry` checks the files: `publish` (default) refuses a framework rule, `draft` keeps it as a warning. */
export interface RegistryOptions {
  /** `draft` is for the plugin contract, which reports the framework rules by name instead of failing on the first. */
  readonly mode?: CheckMode;
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

/**
 * Checks plugins and their frameworks with `checkFramework` (as publishing does), resolving
 * `dựa trên` across plugins. Any problem (bad manifest, criteria file with errors, a rule without
 * a source, no `căn cứ` or no worked example, a failing example) throws a PluginError whose
 * message names the plugin, the file and the line.
 */
export function createRegistry(plugins: readonly Plugin[], opts: RegistryOptions = {}): Registry {
  const mode = opts.mode ?? 'publish';
  const problems: { plugin: string; text: string }[] = [];
  const ids = new Set<string>();
  for (const p of plugins) {
    const pid = typeof p?.id === 'string' ? p.id : '?';
    const parsed = manifestSchema.safeParse(p, { error: z.locales.vi().localeError });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.map((x) => (typeof x === 'number' ? `[${x}]` : `.${String(x)}`)).join('').replace(/^\./, '');
        problems.push({ plugin: pid, text: `plugin \`${pid}\`: trường \`${path || '(gốc)'}\`: ${issue.message}` });
      }
    }
    if (ids.has(pid)) problems.push({ plugin: pid, text: `plugin \`${pid}\`: trùng \`id\` với một plugin khác` });
    ids.add(pid);
  }
  const registered: RegisteredFramework[] = [];
  const byId = new Map<string, Model>();
  // Parse every file first, so that files are compiled after the files they derive from.
  const items = plugins.flatMap((p) =>
    Array.isArray(p.frameworks)
      ? p.frameworks.map((f) => {
          const ast = parse(f.source, { file: f.file }).ast;
          const defines = ast.frameworks.map((x) => x.id.name);
          const bases = ast.frameworks.flatMap((x) => x.items.flatMap((it) => (it.kind === 'BasedOn' ? [it.ref.name] : [])));
          return { plugin: p, f, defines, bases };
        })
      : [],
  );
  const definedBy = new Map<string, (typeof items)[number]>();
  for (const it of items) for (const id of it.defines) if (!definedBy.has(id)) definedBy.set(id, it);
  const ordered: typeof items = [];
  const state = new Map<(typeof items)[number], 'visiting' | 'done'>();
  const visit = (it: (typeof items)[number]) => {
    if (state.get(it)) return; // a cycle is reported by the compiler as an unknown base
    state.set(it, 'visiting');
    for (const b of it.bases) {
      const dep = definedBy.get(b);
      if (dep && dep !== it) visit(dep);
    }
    state.set(it, 'done');
    ordered.push(it);
  };
  items.forEach(visit);
  for (const item of ordered) {
    const r = checkFramework(item.f.source, { file: item.f.file, resolve: (id) => byId.get(id), mode });
    const diags = r.diagnostics.filter((d) => d.severity === 'error');
    const others = r.diagnostics.filter((d) => d.severity !== 'error');
    for (const d of diags) problems.push({ plugin: item.plugin.id, text: `plugin \`${item.plugin.id}\`: ${formatDiagnostic(d, r.source, { file: item.f.file })}` });
    for (const m of r.models) {
      if (byId.has(m.id)) problems.push({ plugin: item.plugin.id, text: `plugin \`${item.plugin.id}\`: ${item.f.file}: bộ tiêu chí \`${m.id}\` trùng mã với một bộ đã đăng ký` });
      byId.set(m.id, m);
      registered.push({ ref: `${item.plugin.id}/${m.id}`, plugin: item.plugin.id, file: item.f.file, source: r.source, model: m, diagnostics: others });
    }
  }
  for (const p of plugins) {
    for (const f of p.forms ?? []) {
      if (f.framework !== undefined && !byId.has(f.framework))
        problems.push({ plugin: p.id, text: `plugin \`${p.id}\`: biểu mẫu \`${f.id}\` nói đến bộ tiêu chí \`${f.framework}\` không có` });
    }
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
