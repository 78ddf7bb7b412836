/**
 * @hoctap/plugin-contract — the contract every locality plugin meets, as a function that returns
 * what is wrong (empty when the plugin is sound). The repository's contract test runs it over every
 * plugin; a locality author can run it over a new plugin.
 */
import { createRegistry, evaluate, FRAMEWORK_RULE_CODES, HoctapError, type Plugin, type Registry } from '@hoctap/core';

/** The contract's name for each framework rule of `checkFramework` (the same rules publishing applies). */
const RULE_OF_CODE: Record<string, string> = {
  [FRAMEWORK_RULE_CODES.uncited]: 'sources',
  [FRAMEWORK_RULE_CODES.noBasis]: 'sources',
  [FRAMEWORK_RULE_CODES.noExample]: 'examples',
};

/** One broken promise of a plugin. */
export interface ContractFinding {
  readonly plugin: string;
  readonly rule: string;
  readonly message: string;
}

/** What the contract checked, for reports. */
export interface ContractReport {
  readonly findings: readonly ContractFinding[];
  readonly frameworks: number;
  readonly examples: number;
  readonly demoSubjects: number;
}

/**
 * Checks a plugin against the contract: its manifest and every criteria file register cleanly
 * (with `dependencies`, the plugins it derives from), every framework has worked examples and they
 * pass, every rule cites a source and the framework its `căn cứ` (the framework rules of
 * `checkFramework`, reported here by name rather than failing registration), every framework's
 * locality is one the plugin declares, a `dự thảo` framework states its assumptions, and its demo
 * data evaluates without error with both recognised and unrecognised subjects.
 * @example checkPluginContract(tanThanh, [national]).findings.length === 0
 */
export function checkPluginContract(plugin: Plugin, dependencies: readonly Plugin[] = []): ContractReport {
  const findings: ContractFinding[] = [];
  const add = (rule: string, message: string) => findings.push({ plugin: plugin.id, rule, message });
  let registry: Registry;
  try {
    registry = createRegistry([...dependencies, plugin], { mode: 'draft' });
  } catch (e) {
    add('registration', e instanceof HoctapError ? e.message : String(e));
    return { findings, frameworks: 0, examples: 0, demoSubjects: 0 };
  }
  const own = registry.frameworks.filter((f) => f.plugin === plugin.id);
  const codes = new Set(plugin.localities.map((l) => l.code));
  let examples = 0;
  const files = new Set<string>();
  for (const f of own) {
    const m = f.model;
    examples += m.examples.length;
    // A file's diagnostics are shared by the frameworks it declares: report them once.
    if (!files.has(f.file)) {
      files.add(f.file);
      for (const d of f.diagnostics) {
        const rule = RULE_OF_CODE[d.code];
        if (rule) add(rule, `${f.file}:${d.range.start.line}:${d.range.start.column}: ${d.code}: ${d.message}`);
      }
    }
    if (m.locality && !codes.has(m.locality.code) && !dependencies.some((d) => d.localities.some((l) => l.code === m.locality!.code)))
      add('localities', `${f.file}: địa bàn "${m.locality.code}" không có trong danh sách địa bàn của plugin`);
    if (m.status === 'draft' && !m.indicators.some((i) => i.assumption) && !m.titles.some((t) => t.assumption) && !m.targets.some((t) => t.assumption))
      add('draft', `${f.file}: bộ tiêu chí dự thảo phải ghi rõ giả định (\`giả định "…"\`) bên cạnh quy định`);
  }
  for (const l of plugin.localities) {
    if (l.successor !== undefined && !codes.has(l.successor) && !dependencies.some((d) => d.localities.some((x) => x.code === l.successor)))
      add('localities', `địa bàn ${l.code} "${l.name}" chuyển thành mã ${l.successor} nhưng mã này không có trong danh sách`);
  }
  let demoSubjects = 0;
  if (!plugin.demo) add('demo', 'plugin chưa có dữ liệu mẫu (`demo`)');
  else {
    const sets = plugin.demo({ seed: 2026, model: (id) => registry.get(id).model });
    if (sets.length === 0) add('demo', 'dữ liệu mẫu rỗng');
    for (const set of sets) {
      let model;
      try {
        model = registry.get(set.framework).model;
      } catch {
        add('demo', `dữ liệu mẫu cho bộ tiêu chí \`${set.framework}\` không có`);
        continue;
      }
      let recognised = 0;
      for (const s of set.subjects) {
        demoSubjects++;
        const r = evaluate(model, s, { year: set.year });
        if (r.errors) add('demo', `dữ liệu mẫu ${s.id} (${set.framework}) không chấm được: ${r.errors.map((e) => e.message).join('; ')}`);
        else if (r.titles.length > 0) recognised++;
      }
      if (set.subjects.length > 0 && model.titles.length > 0 && (recognised === 0 || recognised === set.subjects.length))
        add('demo', `dữ liệu mẫu của \`${set.framework}\` không thực tế: ${recognised}/${set.subjects.length} được công nhận`);
    }
  }
  return { findings, frameworks: own.length, examples, demoSubjects };
}
