/**
 * @hoctap/criteria-dsl — the criteria language: text → typed syntax tree + diagnostics, and back.
 * Runs unchanged in Node and in the browser; depends on chevrotain only.
 *
 * @example
 * const { ast, diagnostics } = parse(text, { file: 'phu-tho.tieuchi' });
 * const again = print(ast);
 * const rule = conditionText(condition); // 'tổng điểm từ 75 trở lên'
 */
export type * from './ast.js';
export { parse, tokenKinds, type ParseResult } from './parse.js';
export { print } from './print.js';
export { conditionText, comparisonText, type ConditionStyle, type ConditionTextOptions, type ConditionNames } from './condition-text.js';
export { diagnostic, formatDiagnostic, hasErrors, messageOf, type Diagnostic, type Lang, type Severity } from './diagnostics.js';
export { KEYWORDS, type KeywordSpec } from './tokens.js';
export { serializedGrammar } from './parser.js';
export { normalize, fold, editDistance, closest, viCollator, nameProblem, type NameProblem } from './text.js';
export { numberValue } from './build-ast.js';
export { stripRanges } from './strip.js';
