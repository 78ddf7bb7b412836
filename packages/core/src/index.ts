/**
 * @hoctap/core — the engine: lowers criteria files into checked models, evaluates subjects and
 * explains every result, measures targets. Pure: no I/O, no clock, no environment.
 *
 * @example
 * const { models, diagnostics } = compileText(text, { file: 'x.tieuchi' });
 * const result = evaluate(models[0]!, { id: 'a', scores: { '1.1': 6 } }, { explain: true });
 * const check = checkFramework(text, { file: 'x.tieuchi', mode: 'publish' }); // + framework rules and worked examples
 */
export type * from './model.js';
export type * from './subject.js';
export { compile, compileText, fmt, daysInMonth, type CompileOptions, type CompileResult, type ResolveFramework } from './compile.js';
export { evaluate, explanationText, testCondition, type EvaluateOptions } from './evaluate.js';
export { runExample, runExamples, exampleDiagnostics, exampleSubject, type ExampleResult, type ExampleFailure } from './examples.js';
export { targetProgress, applicableTargets, type PopulationInput, type TargetProgress } from './targets.js';
export { diffModels, type Change } from './diff.js';
export { memberNeedsOf, type MemberNeeds } from './member-needs.js';
export { selectInForce } from './select.js';
export { checkDeadline, stepDates, describeWindow, windowBounds, STEP_NAMES_VI } from './calendar.js';
export { checkFramework, frameworkRuleDiagnostics, uncitedRules, FRAMEWORK_RULE_CODES, type CheckMode, type CheckFrameworkOptions, type FrameworkCheck } from './check-framework.js';
export { createRegistry, definePlugin, type RegistryOptions, type Plugin, type PluginFile, type PluginLocality, type PluginForm, type DemoSet, type Registry, type RegisteredFramework } from './plugin.js';
export { createRng, demoName, generateSubjects, type DemoSubject, type DemoOptions } from './demo.js';
export { HoctapError, PluginError, FrameworkNotFoundError, InvalidModelError } from './errors.js';
export { SUBJECT_NAMES_VI } from './model.js';
