#!/usr/bin/env node
/**
 * Generates docs/syntax-diagrams.html: railroad diagrams of the criteria grammar, drawn by
 * Chevrotain's `createSyntaxDiagramsCode` from the parser's serialised productions.
 *
 * Run it with `npm run docs:diagrams` (in criteria-dsl/): that builds dist/ first, because this
 * script imports the compiled parser from ../dist/parser.js.
 *
 * Chevrotain's page loads its drawing scripts and stylesheet from unpkg.com by default. Readers
 * may be offline (a Hội Khuyến học office, a laptop at a meeting), so the script inlines those
 * files from the installed chevrotain package (same version as the grammar, no network): the
 * generated page is one self-contained HTML file.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSyntaxDiagramsCode } from 'chevrotain';

const here = dirname(fileURLToPath(import.meta.url));
const pkgRoot = join(here, '..');
const out = join(pkgRoot, 'docs', 'syntax-diagrams.html');

const parserJs = join(pkgRoot, 'dist', 'parser.js');
if (!existsSync(parserJs)) {
  console.error('dist/parser.js not found: run `npm run build` first (or `npm run docs:diagrams`, which does).');
  process.exit(1);
}
const { serializedGrammar } = await import(new URL(`file://${parserJs}`).href);

/** The installed chevrotain package's root (the folder holding its package.json). */
function chevrotainRoot() {
  let dir = dirname(fileURLToPath(import.meta.resolve('chevrotain')));
  for (;;) {
    const pj = join(dir, 'package.json');
    if (existsSync(pj) && JSON.parse(readFileSync(pj, 'utf8')).name === 'chevrotain') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the chevrotain package root');
    dir = up;
  }
}
const chev = chevrotainRoot();
const chevVersion = JSON.parse(readFileSync(join(chev, 'package.json'), 'utf8')).version;

// Placeholders instead of the CDN; replaced below by the files' contents.
const BASE = 'chevrotain-diagrams/';
const CSS = 'chevrotain-diagrams/diagrams.css';
let html = createSyntaxDiagramsCode(serializedGrammar(), { resourceBase: BASE, css: CSS });

/** Text safe inside an inline <script> or <style> element. */
const inlineSafe = (s) => s.replace(/<\/(script|style)/gi, '<\\/$1');

const read = (rel) => readFileSync(join(chev, 'diagrams', rel), 'utf8');

const linkTag = `<link rel='stylesheet' href='${CSS}'>`;
if (!html.includes(linkTag)) throw new Error('unexpected output of createSyntaxDiagramsCode (stylesheet link)');
html = html.replace(linkTag, () => `<style>\n/* chevrotain ${chevVersion} diagrams/diagrams.css */\n${inlineSafe(read('diagrams.css'))}\n</style>`);

for (const rel of ['vendor/railroad-diagrams.js', 'src/diagrams_builder.js', 'src/diagrams_behavior.js', 'src/main.js']) {
  const tag = `<script src='${BASE}${rel}'></script>`;
  if (!html.includes(tag)) throw new Error(`unexpected output of createSyntaxDiagramsCode (script ${rel})`);
  html = html.replace(tag, () => `<script>\n/* chevrotain ${chevVersion} diagrams/${rel} */\n${inlineSafe(read(rel))}\n</script>`);
}
if (/\b(?:src|href)=['"]https?:/i.test(html)) throw new Error('the page still refers to an external resource');

// A title and a short guide for authors, in Vietnamese, above the diagrams.
const intro = `<title>Sơ đồ cú pháp — ngôn ngữ tiêu chí (.tieuchi)</title>
<style>
  .guide { max-width: 60em; margin: 1em auto; font-family: sans-serif; line-height: 1.45; }
  .guide code { background: hsl(30, 20%, 88%); padding: 0 .2em; }
  .guide td { padding: 0 .8em .1em 0; vertical-align: top; }
</style>
<div class="guide" lang="vi">
  <h1>Sơ đồ cú pháp của ngôn ngữ tiêu chí (<code>.tieuchi</code>)</h1>
  <p>Mỗi sơ đồ là một quy tắc của ngữ pháp; đọc từ trái sang phải theo đường ray, rẽ nhánh là chọn một
  trong các lối, vòng quay lại là lặp. Ô ghi tên quy tắc (chữ tiếng Anh viết liền, như <code>indicatorDecl</code>)
  là một sơ đồ khác: bấm vào để nhảy tới. Các ô còn lại là chữ viết trong tệp: từ khóa (trong dấu <code>\`…\`</code>,
  in theo cách viết chuẩn có dấu, chẳng hạn <code>\`tiêu chí\`</code>; viết không dấu hoặc bằng bí danh tiếng Anh cũng được),
  <code>tên</code> (một mã như <code>cdht</code>), <code>chuỗi "…"</code>, <code>số</code>, <code>ngày dd/mm/yyyy</code> và các dấu.
  Xuống dòng và thụt lề không có trong sơ đồ vì ngữ pháp không dùng đến chúng.
  Giải thích từng câu lệnh, có ví dụ: xem <a href="tham-chieu.md">tham-chieu.md</a>.</p>
  <table>
    <tr><td><code>file</code>, <code>framework</code></td><td>cả tệp; một <code>bộ tiêu chí</code> và các câu lệnh của nó</td></tr>
    <tr><td><code>item</code></td><td>một câu lệnh trong bộ tiêu chí</td></tr>
    <tr><td><code>criterionDecl</code>, <code>indicatorDecl</code>, <code>indicatorOption</code></td><td><code>tiêu chí</code>, <code>chỉ số</code> và các tùy chọn của chỉ số</td></tr>
    <tr><td><code>titleDecl</code>, <code>guardedCase</code>, <code>gradingDecl</code></td><td><code>danh hiệu</code>, trường hợp <code>nếu … thì …</code>, <code>xếp loại</code></td></tr>
    <tr><td><code>condition</code>, <code>atom</code>, <code>comparison</code></td><td>điều kiện, các dạng điều kiện đơn, phép so sánh</td></tr>
    <tr><td><code>targetDecl</code>, <code>calendarDecl</code>, <code>exampleDecl</code></td><td><code>chỉ tiêu</code>, <code>lịch</code>, <code>ví dụ</code></td></tr>
    <tr><td><code>junk</code></td><td>dùng nội bộ: bộ phân tích bỏ qua chữ không đọc được để báo mọi lỗi trong một lần</td></tr>
  </table>
  <p>Trang này tự chứa, không cần mạng. Tệp được sinh tự động (<code>npm run docs:diagrams</code>
  trong <code>criteria-dsl/</code>); đừng sửa tay. Chevrotain ${chevVersion}.</p>
</div>
`;
const anchor = '<div id="diagrams"';
if (!html.includes(anchor)) throw new Error('unexpected output of createSyntaxDiagramsCode (diagrams div)');
html = html.replace(anchor, () => `${intro}${anchor}`);
html = html.replace('<!DOCTYPE html>', '<!DOCTYPE html>\n<html lang="vi">');
// The generator puts its comment before the doctype, which sends browsers into quirks mode.
html = html.replace('\n<!-- This is a generated file -->\n<!DOCTYPE html>', '<!DOCTYPE html>\n<!-- This is a generated file: criteria-dsl/scripts/diagrams.mjs -->');

writeFileSync(out, html.replace(/[ \t]+$/gm, ''));
console.log(`wrote ${out} (${Math.round(html.length / 1024)} KiB, ${serializedGrammar().length} rules)`);
