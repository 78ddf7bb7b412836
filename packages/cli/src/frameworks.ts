/**
 * Finding and compiling frameworks: files named on the command line and the frameworks of the
 * registered plugins, with `dựa trên` resolved across them (command-line files first).
 */
import { checkFramework, type FrameworkCheck, type Model } from '@hoctap/core';
import { closest, formatDiagnostic, parse, type Diagnostic, type ParseResult } from '@hoctap/criteria-dsl';
import { CliError, type Ctx } from './context.js';
import { plugins } from './plugins.js';

/** A criteria text and the name it goes by in messages (the path as the user wrote it). */
export interface SourceFile {
  readonly name: string;
  readonly text: string;
  /** The plugin that ships it, for plugin frameworks. */
  readonly plugin?: string;
}

/** A framework found for a command: its model, the source its ranges refer to, and where it came from. */
export interface LoadedFramework {
  readonly model: Model;
  readonly source: string;
  readonly file: string;
  /** `PLUGIN/FRAMEWORK` for a registered framework. */
  readonly ref?: string;
  /** The frameworks it derives from, nearest first, with their sources (to quote inherited rules). */
  readonly bases: readonly { readonly model: Model; readonly source: string }[];
}

/** The criteria files of the registered plugins. */
export function pluginSources(): SourceFile[] {
  return plugins.flatMap((p) => p.frameworks.map((f) => ({ name: f.file, text: f.source, plugin: p.id })));
}

/**
 * A set of criteria files checked together on demand: a file's `dựa trên` names a framework in
 * the same file, else in the first file (in the given order) that declares it.
 */
export class Workspace {
  private readonly parsed = new Map<SourceFile, ParseResult>();
  private readonly checked = new Map<SourceFile, FrameworkCheck>();
  private readonly inProgress = new Set<SourceFile>();
  private owners?: Map<string, SourceFile>;

  constructor(readonly files: readonly SourceFile[]) {}

  /** The parse of a file (cached). */
  parse(f: SourceFile): ParseResult {
    let p = this.parsed.get(f);
    if (!p) {
      p = parse(f.text, { file: f.name });
      this.parsed.set(f, p);
    }
    return p;
  }

  /** The file that declares a framework id, by precedence. */
  owner(id: string): SourceFile | undefined {
    if (!this.owners) {
      this.owners = new Map();
      for (const f of this.files) for (const fw of this.parse(f).ast.frameworks) if (!this.owners.has(fw.id.name)) this.owners.set(fw.id.name, f);
    }
    return this.owners.get(id);
  }

  /**
   * Checks a file as every door does (`checkFramework` in draft mode: compile, framework rules as
   * warnings, worked examples), checking first the files its bases come from (cached).
   */
  check(f: SourceFile): FrameworkCheck {
    const done = this.checked.get(f);
    if (done) return done;
    this.inProgress.add(f);
    const resolve = (id: string): Model | undefined => {
      const o = this.owner(id);
      // A cycle of files (a based on b, b based on a) resolves to nothing: the checker reports it.
      if (!o || o === f || this.inProgress.has(o)) return undefined;
      return this.check(o).models.find((m) => m.id === id);
    };
    const r = checkFramework(f.text, { file: f.name, resolve, mode: 'draft' });
    this.inProgress.delete(f);
    this.checked.set(f, r);
    return r;
  }

  /** The chain of base frameworks of a model, nearest first, with their sources. */
  bases(model: Model): { model: Model; source: string }[] {
    const out: { model: Model; source: string }[] = [];
    let id = model.basedOn;
    const seen = new Set<string>([model.id]);
    while (id !== undefined && !seen.has(id)) {
      seen.add(id);
      const o = this.owner(id);
      const r = o ? this.check(o) : undefined;
      const m = r?.models.find((x) => x.id === id);
      if (!m || !r) break;
      out.push({ model: m, source: r.source });
      id = m.basedOn;
    }
    return out;
  }
}

/** True when an argument names a criteria file rather than a registered framework. */
export function isFileArg(arg: string): boolean {
  return /\.tieuchi(#[^/\\]*)?$/i.test(arg);
}

/** The registered references, for suggestions. */
export function knownRefs(ctx: Ctx): string[] {
  return ctx.registry().frameworks.map((f) => f.ref);
}

/** A CliError for a reference that matches no registered framework. */
export function unknownRef(ctx: Ctx, ref: string): CliError {
  return refNotFound(ctx, ref, knownRefs(ctx));
}

/** A CliError for a reference not among `refs`, suggesting the nearest one (or the only one it begins). */
export function refNotFound(ctx: Ctx, ref: string, refs: readonly string[]): CliError {
  const starts = refs.filter((r) => r.startsWith(ref) || r.split('/')[1]?.startsWith(ref));
  const s = closest(ref, refs) ?? (starts.length === 1 ? starts[0] : undefined);
  return new CliError(
    ctx.t(
      `Không tìm thấy bộ tiêu chí \`${ref}\`${s ? ` — ý bạn là \`${s}\`?` : ''} (xem \`hoctap list\`; tệp tiêu chí phải có đuôi .tieuchi)`,
      `Framework \`${ref}\` not found${s ? ` — did you mean \`${s}\`?` : ''} (see \`hoctap list\`; criteria files end in .tieuchi)`,
    ),
  );
}

/** Prints a file's diagnostics to stderr like a compiler. */
export function printDiagnostics(ctx: Ctx, r: { diagnostics: readonly Diagnostic[]; source: string }, file: string): void {
  for (const d of r.diagnostics) ctx.err(`${formatDiagnostic(d, r.source, { lang: ctx.lang, file })}\n`);
}

/**
 * Loads the one framework a command works on: `PLUGIN/FRAMEWORK` (or a bare framework id) from
 * the registry, or a `.tieuchi` file (`FILE#ID` picks one framework of a file that has several).
 * A file with errors is reported and ends the command with exit code 1.
 */
export async function loadFramework(ctx: Ctx, arg: string): Promise<LoadedFramework> {
  if (!isFileArg(arg)) {
    const hit = ctx.registry().frameworks.find((f) => f.ref === arg) ?? ctx.registry().frameworks.find((f) => f.model.id === arg);
    if (!hit) throw unknownRef(ctx, arg);
    // Bases come from the registry itself: their rules are the very nodes the derived model inherited.
    const bases: { model: Model; source: string }[] = [];
    const seen = new Set<string>([hit.model.id]);
    for (let id = hit.model.basedOn; id !== undefined && !seen.has(id); ) {
      seen.add(id);
      const b = ctx.registry().frameworks.find((f) => f.model.id === id);
      if (!b) break;
      bases.push({ model: b.model, source: b.source });
      id = b.model.basedOn;
    }
    return { model: hit.model, source: hit.source, file: hit.file, ref: hit.ref, bases };
  }
  const hash = arg.lastIndexOf('#');
  const path = hash >= 0 ? arg.slice(0, hash) : arg;
  const wanted = hash >= 0 ? arg.slice(hash + 1) : undefined;
  const file: SourceFile = { name: path, text: await ctx.readText(path) };
  const ws = new Workspace([file, ...pluginSources()]);
  const r = ws.check(file);
  if (!r.compiles) {
    printDiagnostics(ctx, { diagnostics: r.diagnostics.filter((d) => d.severity === 'error'), source: r.source }, path);
    throw new CliError(ctx.t(`Tệp \`${path}\` có lỗi, chưa dùng được (xem \`hoctap check ${path}\`)`, `\`${path}\` has errors and cannot be used (see \`hoctap check ${path}\`)`));
  }
  const ids = r.models.map((m) => m.id);
  let model: Model | undefined;
  if (wanted !== undefined) {
    model = r.models.find((m) => m.id === wanted);
    if (!model) {
      const s = closest(wanted, ids);
      throw new CliError(
        ctx.t(`Tệp \`${path}\` không có bộ tiêu chí \`${wanted}\`${s ? ` — ý bạn là \`${s}\`?` : ''} (có: ${ids.join(', ')})`, `\`${path}\` has no framework \`${wanted}\`${s ? ` — did you mean \`${s}\`?` : ''} (it has: ${ids.join(', ')})`),
      );
    }
  } else if (r.models.length === 1) model = r.models[0];
  else if (r.models.length === 0) throw new CliError(ctx.t(`Tệp \`${path}\` không có bộ tiêu chí nào`, `\`${path}\` declares no framework`));
  else
    throw new CliError(
      ctx.t(`Tệp \`${path}\` có ${ids.length} bộ tiêu chí; chọn một bằng \`${path}#MÃ\` (${ids.join(', ')})`, `\`${path}\` declares ${ids.length} frameworks; pick one with \`${path}#ID\` (${ids.join(', ')})`),
    );
  return { model: model!, source: r.source, file: path, bases: ws.bases(model!) };
}

/** What a command was asked to work on: a whole file, or one framework of a plugin's file. */
export interface Target {
  readonly file: SourceFile;
  /** Only this framework of the file (for a `PLUGIN/FRAMEWORK` argument). */
  readonly framework?: string;
  readonly ref?: string;
}

/** Every framework the plugins ship, as `PLUGIN/FRAMEWORK`, without registering them. */
export function pluginTargets(ws: Workspace): Target[] {
  return ws.files
    .filter((f) => f.plugin !== undefined)
    .flatMap((f) => ws.parse(f).ast.frameworks.map((fw) => ({ file: f, framework: fw.id.name, ref: `${f.plugin}/${fw.id.name}` })));
}

/**
 * Opens the files and references given on the command line in one workspace (the files first,
 * then the plugins' files), without registering the plugins — so that a plugin whose examples
 * fail can still be checked and tested.
 */
export async function openArgs(ctx: Ctx, args: readonly string[], opts: { refs: boolean }): Promise<{ ws: Workspace; targets: Target[] }> {
  // Each argument becomes a file read now, or a reference (a string) resolved once the workspace exists.
  const items: (SourceFile | string)[] = [];
  for (const arg of args) items.push(opts.refs && !isFileArg(arg) ? arg : { name: arg, text: await ctx.readText(arg) });
  const ws = new Workspace([...items.filter((x): x is SourceFile => typeof x !== 'string'), ...pluginSources()]);
  const known = items.some((x) => typeof x === 'string') ? pluginTargets(ws) : [];
  const targets = items.map((item): Target => {
    if (typeof item !== 'string') return { file: item };
    const hit = known.find((k) => k.ref === item) ?? known.find((k) => k.framework === item);
    if (!hit) throw refNotFound(ctx, item, known.map((k) => k.ref!));
    return hit;
  });
  return { ws, targets };
}
