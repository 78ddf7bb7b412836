/**
 * One criteria file through every door — `hoctap check`, the portal editor's analysis, the check
 * endpoint and publishing — gives the same diagnostics, since all four go through `checkFramework`:
 * an uncited rule is a warning in the three draft doors and the reason publishing refuses the file.
 */
import { describe, expect, it } from 'vitest';
import { main } from '@hoctap/cli';
// The editor's own module (tests are not layered): what the portal runs in the browser.
import { analyze } from '../../../apps/admin/src/editor/analyze.js';
import { dialects } from './harness.js';
import { suiteWorld } from './world.js';

const FILE = 'khung-thu.tieuchi';
const CITED = `bộ tiêu chí cdht-cong-thu "Công dân học tập — thử mọi cửa"
  đối tượng: công dân
  hiệu lực: 01/01/2026 - 31/12/2026
  căn cứ kh: "Kế hoạch số 1/KH-HKH ngày 02/01/2026"

  tiêu chí 1 "Học tập thường xuyên" tổng 10 theo kh "mục II.1"
    chỉ số 1.1 "Tham gia lớp học" tối đa 5
    chỉ số 1.2 "Tự học" tối đa 5

  danh hiệu cdht "Công dân học tập"
    khi tổng điểm từ 8 trở lên
    theo kh "mục III"

  ví dụ "8 điểm thì đạt"
    điểm 1.1 = 4, 1.2 = 4
    mong đợi tổng 8, đạt cdht
`;
/** The title's rule cites nothing. */
const UNCITED = CITED.replace('    theo kh "mục III"\n', '');
const TITLE_LINE = UNCITED.split('\n').findIndex((l) => l.startsWith('  danh hiệu cdht')) + 1;

interface Seen {
  code: string;
  severity: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}
const seen = (d: Seen) => `${d.severity} ${d.code} ${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.message}`;

/** `hoctap check --json FILE` run in-process over a file held in memory. */
async function hoctapCheck(text: string): Promise<{ code: number; diagnostics: Seen[] }> {
  let stdout = '';
  const code = await main(['check', '--json', FILE], {
    stdout: (s) => void (stdout += s),
    stderr: () => {},
    cwd: '/',
    readFile: async (p) => {
      if (p.endsWith(FILE)) return new TextEncoder().encode(text);
      throw Object.assign(new Error('not found'), { code: 'ENOENT' });
    },
    writeFile: async () => {},
  });
  return { code, diagnostics: JSON.parse(stdout) as Seen[] };
}

/** The editor's analysis in the shape the others print. */
function editor(text: string): Seen[] {
  return analyze(text, new Map(), FILE).diagnostics.map((d) => ({
    code: d.code,
    severity: d.severity,
    line: d.range.start.line,
    column: d.range.start.column,
    endLine: d.range.end.line,
    endColumn: d.range.end.column,
    message: d.message,
  }));
}

describe.each(dialects)('one criteria file through every door on %s', (dialect) => {
  const w = suiteWorld(dialect);

  it('an uncited rule: the same TC2100 at the title from hoctap check, the editor and the check endpoint (warnings); publishing refuses it with the same diagnostic as an error', async () => {
    const cli = await hoctapCheck(UNCITED);
    expect(cli.code).toBe(0);
    const fromCli = cli.diagnostics.map(seen);
    expect(fromCli).toHaveLength(1);
    expect(fromCli[0]).toMatch(new RegExp(`^warning TC2100 ${TITLE_LINE}:3-${TITLE_LINE}:\\d+ Chưa ghi nguồn cho danh hiệu "Công dân học tập"`));

    expect(editor(UNCITED).map(seen)).toEqual(fromCli);

    const check = await w.call(null, 'POST', '/api/frameworks/check', { source: UNCITED, file: FILE });
    expect(check.status, check.text).toBe(200);
    expect(check.json.valid).toBe(true);
    expect(check.json.diagnostics.map(seen)).toEqual(fromCli);

    const pub = await w.call('provA', 'POST', '/api/frameworks/publish', { source: UNCITED, file: FILE });
    expect(pub.status, pub.text).toBe(422);
    expect(pub.json.code).toBe('FRAMEWORK_INVALID');
    expect(pub.json.detail).toMatch(/nguồn/);
    expect(pub.json.diagnostics.map(seen)).toEqual(fromCli.map((d) => d.replace(/^warning /, 'error ')));
    expect(pub.json.examples).toEqual([{ framework: 'cdht-cong-thu', name: '8 điểm thì đạt', passed: true, failures: [] }]);
    expect(await w.db.selectFrom('frameworks').select('id').execute()).toEqual([]);
  });

  it('the same file with the rule cited: no diagnostic at any door, and it publishes', async () => {
    const cli = await hoctapCheck(CITED);
    expect({ code: cli.code, diagnostics: cli.diagnostics }).toEqual({ code: 0, diagnostics: [] });
    expect(editor(CITED)).toEqual([]);
    const check = await w.call(null, 'POST', '/api/frameworks/check', { source: CITED, file: FILE });
    expect(check.json).toMatchObject({ valid: true, diagnostics: [] });
    const pub = await w.call('provA', 'POST', '/api/frameworks/publish', { source: CITED, file: FILE });
    expect(pub.status, pub.text).toBe(201);
    expect(pub.json).toMatchObject({ framework: 'cdht-cong-thu', plugin: '25', created: true });
  });

  it('a failing worked example is the same TC3001 error everywhere', async () => {
    const failing = CITED.replace('mong đợi tổng 8', 'mong đợi tổng 9');
    const cli = await hoctapCheck(failing);
    expect(cli.code).toBe(1);
    const fromCli = cli.diagnostics.map(seen);
    expect(fromCli.map((d) => d.split(' ').slice(0, 2).join(' '))).toEqual(['error TC3001']);
    expect(editor(failing).map(seen)).toEqual(fromCli);
    expect((await w.call(null, 'POST', '/api/frameworks/check', { source: failing, file: FILE })).json.diagnostics.map(seen)).toEqual(fromCli);
    const pub = await w.call('provA', 'POST', '/api/frameworks/publish', { source: failing, file: FILE });
    expect(pub.status).toBe(422);
    expect(pub.json.diagnostics.map(seen)).toEqual(fromCli);
  });
});
