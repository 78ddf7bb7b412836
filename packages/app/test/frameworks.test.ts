/** The framework use cases without HTTP: check a draft, publish (refused for an uncited rule), list and read — on both dialects. */
import { createRegistry } from '@hoctap/core';
import { createCitizenIdCipher, createIssuerKeyCipher, createTotpSecretCipher, createUser, truncateAllTables, type Framework } from '@hoctap/db';
import { dialects, openTestDatabase, TEST_DATA_KEY, type TestDatabase } from '@hoctap/db/testing';
import { phuTho } from '@hoctap/plugin-phu-tho';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { withCaller, type Caller, type Deps } from '../src/deps.js';
import { AppError } from '../src/errors.js';
import { checkDraft, publishedFrameworks, publishedFrameworkSource, publishFramework } from '../src/frameworks.js';
import { modelOf } from '../src/models.js';

const CITED = `bộ tiêu chí cdht-thu "Thử"
  đối tượng: công dân
  hiệu lực: 01/01/2026 - 31/12/2026
  căn cứ kh: "Kế hoạch 1/KH"
  tiêu chí 1 "Học tập" tổng 10 theo kh "mục 1"
    chỉ số 1.1 "Tự học" tối đa 10
  danh hiệu cdht "Công dân học tập" khi tổng điểm từ 5 trở lên theo kh "mục 2"
  ví dụ "5 thì đạt"
    điểm 1.1 = 5
    mong đợi đạt cdht
`;
const UNCITED = CITED.replace(' khi tổng điểm từ 5 trở lên theo kh "mục 2"', ' khi tổng điểm từ 5 trở lên');

describe('checkDraft', () => {
  const deps = { registry: createRegistry([phuTho]) };

  it('a draft: the framework rules are warnings; as a publication they are errors', () => {
    const draft = checkDraft(deps, { source: UNCITED, file: 'thu.tieuchi' });
    expect(draft.diagnostics.map((d) => `${d.severity} ${d.code} ${d.range.start.line}`)).toEqual(['warning TC2100 7']);
    expect({ valid: draft.valid, publishable: draft.publishable }).toEqual({ valid: true, publishable: false });
    expect(checkDraft(deps, { source: UNCITED }, 'publish').diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(['error TC2100']);
  });

  it('resolves `dựa trên` among the registered frameworks', () => {
    const derived = `bộ tiêu chí pt-thu "Phú Thọ thử"\n  dựa trên: cdht-phu-tho-2018\n  ví dụ "đủ điểm"\n    điểm 1.1 = 6\n    mong đợi chỉ số 1.1 = 6\n`;
    const r = checkDraft(deps, { source: derived });
    expect(r.diagnostics).toEqual([]);
    expect(r.models[0]!.basedOn).toBe('cdht-phu-tho-2018');
  });
});

describe.each(dialects)('publishing a framework version (%s)', (dialect) => {
  let t: TestDatabase;
  let deps: Deps;
  let provA: Caller;
  let provB: Caller;

  beforeAll(async () => {
    t = await openTestDatabase(dialect, { migrate: true });
    deps = {
      db: t.handle.db,
      registry: createRegistry([phuTho]),
      cipher: createCitizenIdCipher(TEST_DATA_KEY),
      keyCipher: createIssuerKeyCipher(TEST_DATA_KEY),
      totpCipher: createTotpSecretCipher(TEST_DATA_KEY),
      publicUrl: 'http://localhost:3000',
      now: () => new Date('2026-02-01T03:00:00Z'),
      models: new Map(),
    };
  }, 120_000);
  afterAll(async () => {
    await t?.dispose();
  });
  beforeEach(async () => {
    await truncateAllTables(t.handle.db);
    const user = async (name: string, province: string): Promise<Caller> => {
      const u = await createUser(t.handle.db, { email: `${name}@hoctap.test`, displayName: name, passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$không-dùng$không-dùng', roles: ['province-admin'], localities: [province] });
      return { userId: u.id, roles: ['province-admin'], scope: { role: 'province', province }, address: '192.0.2.1' };
    };
    provA = await user('provA', '25');
    provB = await user('provB', '01');
  }, 60_000);

  it('refuses an uncited rule with FRAMEWORK_INVALID and the diagnostics; stores nothing', async () => {
    let err: unknown;
    try {
      await withCaller(deps, provA, (trx) => publishFramework(deps, provA, trx, { source: UNCITED, file: 'thu.tieuchi', lang: 'en' }));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    const e = err as AppError;
    expect([e.kind, e.code]).toEqual(['unprocessable', 'FRAMEWORK_INVALID']);
    expect(e.vi).toMatch(/nguồn/);
    expect(e.details.diagnostics).toEqual([expect.objectContaining({ code: 'TC2100', severity: 'error', line: 7, column: 3, message: expect.stringMatching(/^No source cited for title "Công dân học tập"/) })]);
    expect(await t.handle.db.selectFrom('frameworks').select('id').execute()).toEqual([]);
  });

  it('publishes a cited text once (the same text again is the same version), lists and reads it in scope, and modelOf rebuilds it', async () => {
    const first = await withCaller(deps, provA, (trx) => publishFramework(deps, provA, trx, { source: CITED }));
    expect(first).toMatchObject({ created: true, version: { plugin: '25', framework: 'cdht-thu', status: 'published', effective: { from: '2026-01-01', to: '2026-12-31' }, publishedBy: { id: provA.userId, name: 'provA' } } });
    const again = await withCaller(deps, provA, (trx) => publishFramework(deps, provA, trx, { source: CITED }));
    expect([again.created, again.version.id]).toEqual([false, first.version.id]);
    expect((await withCaller(deps, provA, (trx) => publishedFrameworks(deps, provA, trx))).map((v) => v.id)).toEqual([first.version.id]);
    expect(await withCaller(deps, provB, (trx) => publishedFrameworks(deps, provB, trx))).toEqual([]);
    const one = await withCaller(deps, provA, (trx) => publishedFrameworkSource(deps, provA, trx, { id: first.version.id }));
    expect(one.source).toBe(CITED);
    await expect(withCaller(deps, provB, (trx) => publishedFrameworkSource(deps, provB, trx, { id: first.version.id }))).rejects.toMatchObject({ code: 'FRAMEWORK_NOT_FOUND' });
    await expect(withCaller(deps, provA, (trx) => publishedFrameworkSource(deps, provA, trx, { id: 'không-phải-uuid' }))).rejects.toMatchObject({ code: 'FRAMEWORK_NOT_FOUND' });

    const row = (await t.handle.db.selectFrom('frameworks').selectAll().executeTakeFirstOrThrow()) as Framework;
    const { model, ref } = modelOf(deps, row);
    expect([model.id, ref, model.titles.map((x) => x.id)]).toEqual(['cdht-thu', '25/cdht-thu', ['cdht']]);
  });
});
