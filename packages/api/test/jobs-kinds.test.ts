/**
 * The recompute and certificates jobs over both dialects, run by an in-process worker with small
 * chunks: a criteria change flips an outcome while history is kept; a stopped worker's job resumes
 * without duplicating rows; the certificates PDF is stored and downloaded; other tenants see nothing.
 */
import { chainPendingAudit, ensureFramework, getJobFile, withScope } from '@hoctap/db';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { phuTho } from '@hoctap/plugin-phu-tho';
import { startJobWorker, type JobWorkerOptions } from '../src/index.js';
import { dialects, TEST_DATA_KEY } from './harness.js';
import { A1, registry, SCORES_74, SCORES_75, type Who, suiteWorld } from './world.js';

const FW = 'phu-tho/cdht-phu-tho-2018';
/** The same framework with the title from 74 points: a criteria change. */
const LOWER_BAR = phuTho.frameworks[0]!.source.replace('khi tổng điểm từ 75 trở lên', 'khi tổng điểm từ 74 trở lên');

/** Page objects of a PDF (not the /Pages tree nodes). */
const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

describe.each(dialects)('recompute and certificates jobs on %s', (dialect) => {
  const w = suiteWorld(dialect);

  const worker = (extra: Partial<JobWorkerOptions> = {}) => startJobWorker({ db: w.db, dataKey: TEST_DATA_KEY, registry, pollMs: 20, chunkRows: 2, now: () => w.clock.now, ...extra });
  const job = async (who: Who, id: string) => (await w.call(who, 'GET', `/api/jobs/${id}`)).json;
  const waitDone = async (who: Who, id: string) => {
    await expect.poll(async () => (await job(who, id)).status, { timeout: 30_000, interval: 50 }).toBe('done');
    return job(who, id);
  };
  const ok = async (who: Who, method: string, path: string, body?: unknown) => {
    const r = await w.call(who, method, path, body);
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${r.text}`);
    return r.json;
  };

  /** A campaign of commune A1 with `n` registered people (in registration order). */
  const campaignWith = async (n: number) => {
    const cp = await ok('offA1', 'POST', '/api/campaigns', { framework: FW, year: 2018, commune: A1 });
    const csv = ['ho_ten', ...Array.from({ length: n }, (_, i) => `Người Thứ ${i + 1}`)].join('\n');
    const bulk = await w.call('offA1', 'POST', `/api/campaigns/${cp.id}/registrations/bulk`, csv, { 'content-type': 'text/csv' });
    expect(bulk.json.created, bulk.text).toBe(n);
    const regs = (bulk.json.rows as { registrationId: string }[]).map((r) => r.registrationId);
    await w.travel('2018-10-01T03:00:00Z');
    return { campaign: cp.id as string, regs };
  };
  const selfAssess = (id: string, scores: Record<string, number>) => ok('offA1', 'POST', `/api/registrations/${id}/self-assessment`, { scores });
  const review = async (id: string, scores: Record<string, number>) => {
    await ok('offA1', 'POST', `/api/registrations/${id}/submit`);
    await ok('comA1', 'POST', `/api/registrations/${id}/review`, { scores });
  };
  /** The criteria change: the campaign now points at a new version of its framework. */
  const lowerTheBar = async (campaign: string) => {
    const fw = await ensureFramework(w.db, { plugin: 'phu-tho', version: 'cdht-phu-tho-2018@moi-74-diem', title: 'Công dân học tập (74 điểm)', sourceText: LOWER_BAR, effectiveFrom: '2018-05-01', publishedBy: w.ids.provA, publishedAt: w.clock.now });
    await sql`UPDATE campaigns SET framework_id = ${fw.id} WHERE id = ${campaign}`.execute(w.db);
    return fw;
  };
  const assessments = (registration: string) =>
    w.db.selectFrom('assessments').selectAll().where('registration_id', '=', registration).orderBy('assessed_at').orderBy('id').execute();

  it('recompute after a criteria change flips an outcome, keeps the old assessments, one audit entry per chunk', async () => {
    const { campaign, regs } = await campaignWith(3);
    const [pass, fail, none] = regs as [string, string, string];
    await selfAssess(pass, SCORES_75);
    await review(pass, SCORES_75);
    await selfAssess(fail, SCORES_74);
    const fw = await lowerTheBar(campaign);

    // Who may queue it: those who may write the campaign.
    for (const who of ['comA1', 'citizen'] as Who[]) expect((await w.call(who, 'POST', `/api/campaigns/${campaign}/recompute-jobs`)).status).toBe(403);
    for (const who of ['offA2', 'provB', 'offB1'] as Who[]) expect((await w.call(who, 'POST', `/api/campaigns/${campaign}/recompute-jobs`)).status).toBe(404);
    expect((await w.call(null, 'POST', `/api/campaigns/${campaign}/recompute-jobs`)).status).toBe(401);
    expect((await sql`SELECT id FROM jobs`.execute(w.db)).rows).toEqual([]);

    const q = await w.call('offA1', 'POST', `/api/campaigns/${campaign}/recompute-jobs`);
    expect(q.status, q.text).toBe(202);
    expect(q.headers.get('location')).toBe(`/api/jobs/${q.json.id}`);
    expect([q.json.kind, q.json.status, q.json.progress.total]).toEqual(['campaign.recompute', 'queued', 3]);
    const wk = worker();
    let done;
    try {
      done = await waitDone('offA1', q.json.id);
    } finally {
      await wk.stop();
    }
    expect(done.progress).toMatchObject({ done: 3, total: 3, percent: 100 });
    expect(done.result).toMatchObject({ recomputed: 3, changed: 1, changedIds: [fail], failed: 0, failures: [] });

    // The failing one now passes; the old assessment is still there, unchanged.
    const f = await assessments(fail);
    expect(f.map((a) => [a.kind, a.notes, (a.result as { total: number }).total, (a.result as { titles: string[] }).titles.length])).toEqual([
      ['self', null, 74, 0],
      ['self', 'tính lại', 74, 1],
    ]);
    expect(f[1]!.assessed_by).toBe(w.ids.offA1);
    expect(f[1]!.scores).toEqual(f[0]!.scores);
    expect((f[1]!.result as { framework: { id: string; contentHash: string } }).framework).toMatchObject({ id: fw.id, contentHash: fw.content_hash });
    // Both kinds of the passing one recomputed (same outcome), the one never assessed untouched.
    expect((await assessments(pass)).map((a) => [a.kind, a.notes])).toEqual([
      ['self', null],
      ['committee', null],
      ['self', 'tính lại'],
      ['committee', 'tính lại'],
    ]);
    expect(await assessments(none)).toEqual([]);
    // The registration's page shows the new latest assessment.
    const page = await w.call('offA1', 'GET', `/api/registrations/${fail}`);
    expect(page.json.assessments.at(-1).result.titles).toHaveLength(1);
    await chainPendingAudit(w.db);
    const chunks = await w.db.selectFrom('audit_log').select(['action', 'payload']).where('action', 'like', 'campaign.recompute%').orderBy('seq').execute();
    expect(chunks.map((c) => c.action)).toEqual(['campaign.recompute-job', 'campaign.recompute-chunk', 'campaign.recompute-chunk', 'campaign.recompute-job.done']);
    expect(chunks.map((c) => (c.payload as { registrations?: number }).registrations)).toEqual([3, 2, 1, undefined]);
    // Another commune's officer and another province never see the job.
    for (const who of ['offA2', 'provB', 'comA1'] as Who[]) expect((await w.call(who, 'GET', `/api/jobs/${q.json.id}`)).status).toBe(404);
    expect((await w.call('provA', 'GET', `/api/jobs/${q.json.id}`)).status).toBe(200);
  });

  it('a stopped worker hands the job back; the next one resumes after the last committed chunk without duplicating rows', async () => {
    const { campaign, regs } = await campaignWith(5);
    for (const id of regs) await selfAssess(id, SCORES_74);
    await lowerTheBar(campaign);
    const q = await ok('offA1', 'POST', `/api/campaigns/${campaign}/recompute-jobs`);
    // The first worker stops after its first chunk (one registration).
    const first = worker({
      chunkRows: 1,
      onProgress: () => {
        void first.stop();
      },
    });
    // The job is 'queued' before any worker claims it too: wait until it has been claimed once and handed back.
    await expect
      .poll(async () => { const j = await job('offA1', q.id); return [j.status, j.attempts]; }, { timeout: 30_000, interval: 50 })
      .toEqual(['queued', 1]);
    await first.stop();
    const half = await job('offA1', q.id);
    expect(half.progress.done).toBe(1);
    expect(half.result).toMatchObject({ recomputed: 1, changed: 1 });
    expect((await w.db.selectFrom('assessments').select('id').where('notes', '=', 'tính lại').execute()).length).toBe(1);
    // The second worker finishes it.
    const second = worker({ chunkRows: 2 });
    let done;
    try {
      done = await waitDone('offA1', q.id);
    } finally {
      await second.stop();
    }
    expect(done.attempts).toBe(2);
    expect(done.result).toMatchObject({ recomputed: 5, changed: 5, failed: 0 });
    expect([...done.result.changedIds].sort()).toEqual([...regs].sort());
    const recomputed = await w.db.selectFrom('assessments').select(['registration_id']).where('notes', '=', 'tính lại').execute();
    expect(recomputed.map((r) => r.registration_id).sort()).toEqual([...regs].sort());
    expect((await w.db.selectFrom('assessments').select('id').execute()).length).toBe(10);
    await chainPendingAudit(w.db);
    const chunks = await w.db.selectFrom('audit_log').select('payload').where('action', '=', 'campaign.recompute-chunk').orderBy('seq').execute();
    expect(chunks.map((c) => (c.payload as { registrations: number }).registrations)).toEqual([1, 2, 2]);
  });

  it('the certificates of a decision as a job: the stored PDF downloads, one page per recognised subject; other tenants get 404/403', async () => {
    const { campaign, regs } = await campaignWith(4);
    for (const id of regs) await selfAssess(id, id === regs[3] ? SCORES_74 : SCORES_75);
    for (const id of regs) await review(id, id === regs[3] ? SCORES_74 : SCORES_75);
    await ok('offA1', 'POST', `/api/campaigns/${campaign}/proposals`, { registrationIds: regs });
    await w.travel('2018-12-02T03:00:00Z');
    const d = await ok('provA', 'POST', '/api/decisions', { campaignId: campaign, number: '7/QĐ-UBND', decidedOn: '2018-12-01', signer: 'Chủ tịch UBND xã', recognised: regs.slice(0, 3), notRecognised: [regs[3]] });
    const decision = d.decision.id as string;

    for (const who of ['offA2', 'provB', 'offB1'] as Who[]) expect((await w.call(who, 'POST', `/api/decisions/${decision}/certificates-jobs`)).status).toBe(404);
    expect((await w.call('citizen', 'POST', `/api/decisions/${decision}/certificates-jobs`)).status).toBe(403);
    expect((await w.call(null, 'POST', `/api/decisions/${decision}/certificates-jobs`)).status).toBe(401);

    const q = await w.call('provA', 'POST', `/api/decisions/${decision}/certificates-jobs`);
    expect(q.status, q.text).toBe(202);
    expect([q.json.kind, q.json.progress.total]).toEqual(['documents.certificates', 3]);
    // Not done yet: no file.
    const early = await w.call('provA', 'GET', `/api/jobs/${q.json.id}/file`);
    expect([early.status, early.json.code]).toEqual([404, 'JOB_FILE_NOT_FOUND']);

    const seen: number[] = [];
    const wk = worker({ chunkRows: 1, onProgress: (_j, n) => void seen.push(n) });
    let done;
    try {
      done = await waitDone('provA', q.json.id);
    } finally {
      await wk.stop();
    }
    expect(seen).toEqual([1, 2]); // progress between pages; the last page commits with the file
    expect(done.progress).toMatchObject({ done: 3, total: 3, percent: 100 });
    expect(done.result).toMatchObject({ pages: 3, fileName: 'giay-cong-nhan-7-qd-ubnd.pdf' });

    const res = await w.app.request(`/api/jobs/${q.json.id}/file`, { headers: { cookie: w.sessions.provA.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="giay-cong-nhan-7-qd-ubnd.pdf"');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(pdf)).toBe(3);
    expect(pdf.length).toBe(done.result.size);
    // The same pages as the synchronous route.
    const direct = await w.app.request(`/api/decisions/${decision}/certificates.pdf`, { headers: { cookie: w.sessions.provA.cookie } });
    expect(pageCount(Buffer.from(await direct.arrayBuffer()))).toBe(3);
    await chainPendingAudit(w.db);
    const stored = await w.db.selectFrom('audit_log').select('payload').where('action', '=', 'decision.certificates-job.done').execute();
    expect(stored.map((s) => (s.payload as { pages: number }).pages)).toEqual([3]);

    // Only callers who may read the job get the file: a commune user sees only its own jobs.
    for (const who of ['offA1', 'offA2', 'provB', 'offB1'] as Who[]) expect((await w.call(who, 'GET', `/api/jobs/${q.json.id}/file`)).status).toBe(404);
    expect((await w.call('citizen', 'GET', `/api/jobs/${q.json.id}/file`)).status).toBe(403);
    expect((await w.call(null, 'GET', `/api/jobs/${q.json.id}/file`)).status).toBe(401);
    expect((await w.call('provA', 'GET', '/api/jobs/00000000-0000-4000-8000-000000000000/file')).status).toBe(404);
    expect((await w.call('provA', 'GET', "/api/jobs/x' OR '1'='1/file")).status).toBe(404);
    // The database's own wall: another province's scope reads no file.
    expect(await withScope(w.db, { role: 'province', province: '01' }, (trx) => getJobFile(trx, q.json.id))).toBeUndefined();
    expect((await withScope(w.db, { role: 'province', province: '25' }, (trx) => getJobFile(trx, q.json.id)))?.size).toBe(pdf.length);
  });
});
