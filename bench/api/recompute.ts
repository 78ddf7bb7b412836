/**
 * Bench (d): a commune's households recomputed after their members' results change, end to end
 * through the API's job. A temporary PostgreSQL database through the product's migrations; one
 * Phú Thọ commune with N households (2,000) of 3–6 members each; the members registered in the
 * Công dân học tập campaign of 2018 through the bulk endpoint, self-assessed and reviewed through the
 * scores import (bulk), proposed, and half of each household's members decided (decision 1); the
 * households registered in the Gia đình học tập campaign of 2018 and self-assessed through the
 * scores import, each scored on its members as they are then. Then the other members are decided
 * (decision 2, as the leader would): the decision queues the recompute of the households' campaign,
 * and the job worker the server runs (`startJobWorker`) scores every household again. Timed from
 * the decision request until the job is done; then every household's latest assessment is checked
 * (recomputed, from its previous one, with the score its members' decisions give) and its history.
 */
import { RECOMPUTE_NOTE } from '@hoctap/app';
import { createRegistry, definePlugin, type Plugin } from '@hoctap/core';
import { addMembership, createGroup, createUser, migrateToLatest, openDatabase, withScope } from '@hoctap/db';
import { national } from '@hoctap/plugin-national';
import { phuTho } from '@hoctap/plugin-phu-tho';
import { sql } from 'kysely';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { intIn, mulberry32 } from '../prng.ts';
import { fmt, generatePeopleCsv, ms, tempDatabase } from './common.ts';

export interface RecomputeBench {
  households: number;
  members: number;
  /** Setup steps (not timed as the result): name → ms. */
  setup: Record<string, number>;
  /** Members decided by decision 2 (the change). */
  decided: number;
  /** The decision request (it queues the recompute in its transaction), ms. */
  decisionMs: number;
  /** From the decision's answer until the job is done, ms. */
  jobMs: number;
  /** Decision request + job, ms. */
  totalMs: number;
  householdsPerSec: number;
  chunkRows: number;
  pollMs: number;
  job: { recomputed: number; changed: number; failed: number };
  /** Households whose titles changed, as checked after the job. */
  titlesChanged: number;
  databaseBytes: number;
  assessments: number;
  auditEntries: number;
  /** Share of the machine's CPU time other processes used in 3 s before the timed part, with this bench idle. */
  idleOthers: number;
}

const PROVINCE = '25';
const COMMUNE = '07900';
const YEAR = 2018;
const CHUNK_ROWS = 1000;
const POLL_MS = 500;

/**
 * The family framework of the benchmark: the national frame gdht-2015 (draft) as a Phú Thọ 2018
 * version whose member indicator reads the members' Công dân học tập of the same year — the plugins'
 * own family frameworks read facts the family declares for its members, which a decision does not change.
 */
const GDHT = `bộ tiêu chí gdht-phu-tho-bench-2018 "Gia đình học tập — Phú Thọ 2018 (benchmark: khung gdht-2015, thành viên đạt Công dân học tập)"
  dựa trên: gdht-2015
  địa bàn: "25" "tỉnh Phú Thọ"
  hiệu lực: 01/01/2018 - 31/12/2018
  trạng thái: ban hành
  căn cứ bench: "Bộ tiêu chí dựng cho benchmark (bench/api/recompute.ts): thành viên được tính trên kết quả Công dân học tập cùng năm"

  bỏ qua chỉ số 1.1
  bỏ qua chỉ số 1.2
  bỏ qua chỉ số 2.1
  bỏ qua chỉ số 2.2
  tiêu chí 1 "Học tập của các thành viên trong gia đình" tổng 30
    chỉ số 1.4 "Thành viên trong gia đình đạt danh hiệu “Công dân học tập” năm đánh giá" tối đa 20 theo bench
      đo tỉ lệ thành viên đạt "Công dân học tập"
      mức từ 100% trở lên thì 20
      mức từ 75% trở lên thì 15
      mức từ 50% trở lên thì 10
  tiêu chí 2 "Học tập của người lớn trong gia đình" tổng 30
    chỉ số 2.3 "Học tập của người lớn trong gia đình (chấm chung)" tối đa 30
  tổng điểm 100

  ví dụ "4/4 thành viên đạt Công dân học tập: 20 điểm, 90 thì đạt"
    điểm 1.3 = 10, 2.3 = 25, 3.1 = 15, 4.1 = 20
    thành viên 4 đạt "Công dân học tập"
    mong đợi chỉ số 1.4 = 20, tổng 90, đạt gdht

  ví dụ "2/4 đạt, 2 chưa được đánh giá: 10 điểm, 80 vẫn đạt"
    điểm 1.3 = 10, 2.3 = 25, 3.1 = 15, 4.1 = 20
    thành viên 2 đạt "Công dân học tập"
    thành viên 2 thiếu dữ liệu
    mong đợi chỉ số 1.4 = 10, tổng 80, đạt gdht

  ví dụ "1/4 đạt: 0 điểm, 70 thì không đạt"
    điểm 1.3 = 10, 2.3 = 25, 3.1 = 15, 4.1 = 20
    thành viên 1 đạt "Công dân học tập"
    thành viên 3 không đạt "Công dân học tập"
    mong đợi chỉ số 1.4 = 0, tổng 70, không đạt gdht
`;
/** The household's own scores (every self-assessment the same): 70 points before the member indicator. */
const HOUSEHOLD_SCORES = { '1.3': 10, '2.3': 25, '3.1': 15, '4.1': 20 } as const;
const memberPoints = (share: number) => (share >= 1 ? 20 : share >= 0.75 ? 15 : share >= 0.5 ? 10 : 0);

/** The Phú Thọ 2018 citizen framework without its calendar (every step on one day, as the API tests do) and the family framework. */
function benchPlugin(p: Plugin): Plugin {
  const strip = (src: string) => src.replace(/\n {2}lịch\n(?: {4}.*\n)+/g, '\n');
  return definePlugin({
    id: 'phu-tho-bench',
    version: '0.1.0',
    name: 'Phú Thọ — benchmark',
    localities: [...p.localities],
    frameworks: [...p.frameworks.map((f) => ({ file: f.file, source: strip(f.source) })), { file: 'gdht-phu-tho-bench-2018.tieuchi', source: GDHT }],
  });
}

/** Starts the V8 profiler of this process; the returned function stops it and gives the profile. */
async function startProfile(): Promise<() => Promise<object>> {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    return profile;
  };
}

export async function benchRecompute(households: number, log: (s: string) => void = console.log): Promise<RecomputeBench> {
  const api = await import('@hoctap/api');
  const { noiseMeter } = await import('../harness.ts');
  const registry = createRegistry([national, benchPlugin(phuTho)]);
  const tmp = await tempDatabase('hoctap_bench_recompute');
  const handle = await openDatabase({ url: tmp.url, maxConnections: 6 });
  const setup: Record<string, number> = {};
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t = process.hrtime.bigint();
    const out = await fn();
    setup[name] = ms(t);
    log(`  ${name}: ${fmt(setup[name]!)} ms`);
    return out;
  };
  try {
    await step('migrate', () => migrateToLatest(handle.db));
    const dataKey = randomBytes(32).toString('base64');
    const clock = { now: new Date(`${YEAR}-12-05T03:00:00Z`) };
    const app = api.createApp({ registry, db: handle, dataKey, secureCookies: false, now: () => clock.now, logError: (e) => console.error('SERVER ERROR', e) });
    const PASSWORD = 'một câu mật khẩu đủ dài cho benchmark';
    const passwordHash = await api.hashPassword(PASSWORD);
    const users = { officer: ['commune-officer', [PROVINCE, COMMUNE]], committee: ['committee-member', [PROVINCE, COMMUNE]], leader: ['province-admin', [PROVINCE]] } as const;
    const sessions: Record<string, { cookie: string; csrf: string }> = {};
    for (const [who, [role, localities]] of Object.entries(users)) {
      await createUser(handle.db, { email: `${who}@bench.local`, displayName: who, passwordHash, roles: [role], localities: [...localities] });
      const res = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: `${who}@bench.local`, password: PASSWORD }) });
      if (res.status !== 200) throw new Error(`login ${who}: ${res.status} ${await res.text()}`);
      sessions[who] = { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
    }
    const call = async (who: keyof typeof users, method: string, path: string, body?: unknown, type = 'application/json') => {
      const s = sessions[who]!;
      const res = await app.request(path, { method, headers: { cookie: s.cookie, ...(method !== 'GET' ? { 'x-csrf-token': s.csrf } : {}), ...(body !== undefined ? { 'content-type': type } : {}) }, ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}) });
      const text = await res.text();
      if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 400)}`);
      return JSON.parse(text) as any;
    };
    const inChunks = async <T>(xs: readonly T[], size: number, fn: (chunk: T[]) => Promise<void>) => {
      for (let i = 0; i < xs.length; i += size) await fn(xs.slice(i, i + size));
    };

    // The campaigns of the year in the commune.
    const cdht = (await call('officer', 'POST', '/api/campaigns', { framework: 'phu-tho-bench/cdht-phu-tho-2018', year: YEAR, commune: COMMUNE, confirm: true })).id as string;
    const gdht = (await call('officer', 'POST', '/api/campaigns', { framework: 'phu-tho-bench/gdht-phu-tho-bench-2018', year: YEAR, commune: COMMUNE, confirm: true })).id as string;

    // Households of 3–6 members (seeded), the people of the commune.
    const rand = mulberry32(2018);
    const sizes = Array.from({ length: households }, () => intIn(rand, 3, 6));
    const members = sizes.reduce((a, b) => a + b, 0);
    const csv = generatePeopleCsv(members, 2018, [COMMUNE]);
    const lines = csv.trimEnd().split('\n');
    const header = lines[0]!;
    const people: { personId: string; registrationId: string; name: string; village: string }[] = [];
    await step(`register ${fmt(members)} people in the citizen campaign (bulk endpoint, 5,000 rows a request)`, () =>
      inChunks(lines.slice(1), 5000, async (rows) => {
        const out = await call('officer', 'POST', `/api/campaigns/${cdht}/registrations/bulk`, [header, ...rows].join('\n'), 'text/csv');
        if (out.errors.length) throw new Error(`bulk registration: ${JSON.stringify(out.errors.slice(0, 3))}`);
        for (const r of out.rows as { row: number; personId: string; registrationId: string }[]) {
          const cells = rows[r.row - 2]!.split(',');
          people.push({ personId: r.personId, registrationId: r.registrationId, name: cells[0]!, village: cells[3]! });
        }
      }),
    );
    // Each household's members, in order; the first half of them (rounded up) decided in decision 1, the rest in decision 2.
    const hh: { id?: string; registrationId?: string; members: typeof people; fails: boolean[] }[] = [];
    {
      let k = 0;
      for (const n of sizes) {
        const ms_ = people.slice(k, k + n);
        k += n;
        // About one member in eight fails the citizen title (and is decided "not recognised").
        hh.push({ members: ms_, fails: ms_.map(() => rand() < 0.125) });
      }
    }
    const scope = { role: 'commune' as const, province: PROVINCE, communes: [COMMUNE] };
    await step(`create ${fmt(households)} households with their memberships (db createGroup/addMembership, 250 households a transaction)`, () =>
      inChunks(hh, 250, (chunk) =>
        withScope(handle.db, scope, async (trx) => {
          for (const h of chunk) {
            const head = h.members[0]!;
            const g = await createGroup(trx, 'household', { province: PROVINCE, commune: COMMUNE, name: `Hộ ${head.name}`, village: head.village });
            h.id = g.id;
            for (const [i, m] of h.members.entries()) await addMembership(trx, { province: PROVINCE, commune: COMMUNE, personId: m.personId, group: { kind: 'household', id: g.id }, ...(i === 0 ? { role: 'head' } : {}), validFrom: `${YEAR}-01-01` });
          }
        }),
      ),
    );
    await step(`register ${fmt(households)} households in the family campaign (one request each)`, async () => {
      for (const h of hh) h.registrationId = (await call('officer', 'POST', `/api/campaigns/${gdht}/registrations`, { subject: { kind: 'household', id: h.id } })).id as string;
    });

    // The citizens' assessments through the scores import: all indicators at their maximum (100 points), or 50 for those who fail.
    const cdModel = registry.get('phu-tho-bench/cdht-phu-tho-2018').model;
    const cdHeader = ['Mã', ...cdModel.indicators.map((i) => i.id)].join(',');
    const cdRows = hh.flatMap((h) => h.members.map((m, i) => [m.registrationId, ...cdModel.indicators.map((x) => (h.fails[i] ? Math.floor(x.max / 2) : x.max))].join(',')));
    for (const [who, kind] of [['officer', 'self'], ['committee', 'committee']] as const)
      await step(`${kind === 'self' ? 'self-assess' : 'review (committee)'} ${fmt(members)} citizens (scores import, 5,000 rows a request)`, () =>
        inChunks(cdRows, 5000, async (rows) => {
          const out = await call(who, 'POST', `/api/campaigns/${cdht}/assessments/bulk?kind=${kind}`, [cdHeader, ...rows].join('\n'), 'text/csv');
          if (out.errors.length) throw new Error(`scores import (${kind}): ${JSON.stringify(out.errors.slice(0, 3))}`);
        }),
      );
    await step(`propose ${fmt(members)} citizens`, () => inChunks(people.map((p) => p.registrationId), 5000, async (ids) => void (await call('officer', 'POST', `/api/campaigns/${cdht}/proposals`, { registrationIds: ids }))));
    const decision = (half: 0 | 1) => {
      const recognised: string[] = [];
      const notRecognised: string[] = [];
      for (const h of hh)
        for (const [i, m] of h.members.entries()) if ((i < Math.ceil(h.members.length / 2) ? 0 : 1) === half) (h.fails[i] ? notRecognised : recognised).push(m.registrationId);
      return { recognised, notRecognised };
    };
    const decide = async (number: string, d: { recognised: string[]; notRecognised: string[] }) => {
      if (d.recognised.length > 5000 || d.notRecognised.length > 5000) throw new Error('more than 5,000 subjects in one decision: use fewer households');
      return call('leader', 'POST', '/api/decisions', { campaignId: cdht, number, decidedOn: `${YEAR}-12-05`, signer: 'Chủ tịch UBND xã', ...d });
    };
    await step('decision 1: the first half of every household’s members', () => decide('1/QĐ-UBND', decision(0)));

    // The households' self-assessments, each scored on its members as they are now (half of them decided).
    const gdHeader = ['Mã', ...Object.keys(HOUSEHOLD_SCORES)].join(',');
    const gdRows = hh.map((h) => [h.registrationId, ...Object.values(HOUSEHOLD_SCORES)].join(','));
    await step(`self-assess ${fmt(households)} households (scores import)`, () =>
      inChunks(gdRows, 5000, async (rows) => {
        const out = await call('officer', 'POST', `/api/campaigns/${gdht}/assessments/bulk?kind=self`, [gdHeader, ...rows].join('\n'), 'text/csv');
        if (out.errors.length) throw new Error(`households' scores import: ${JSON.stringify(out.errors.slice(0, 3))}`);
      }),
    );
    const before = new Map<string, { total: number; titles: string[] }>();
    for (const r of (await sql<{ registration_id: string; total: number; titles: string[] }>`SELECT registration_id, (result->>'total')::numeric AS total, result->'titles' AS titles FROM assessments a JOIN registrations r ON r.id = a.registration_id WHERE r.campaign_id = ${gdht}`.execute(handle.db)).rows)
      before.set(r.registration_id, { total: Number(r.total), titles: r.titles });
    for (const h of hh) {
      const decided = h.members.filter((_, i) => i < Math.ceil(h.members.length / 2) && !h.fails[i]).length;
      const expect = 70 + memberPoints(decided / h.members.length);
      if (before.get(h.registrationId!)?.total !== expect) throw new Error(`household ${h.registrationId} before: ${JSON.stringify(before.get(h.registrationId!))}, expected ${expect}`);
    }
    await sql`VACUUM ANALYZE`.execute(handle.db);

    // The timed part: decision 2, then the job the decision queued, run by the worker the server runs.
    const idle = await noiseMeter();
    await new Promise((r) => setTimeout(r, 3000));
    const idleOthers = idle().others;
    const worker = api.startJobWorker({ db: handle.db, dataKey, registry, now: () => clock.now, chunkRows: CHUNK_ROWS, pollMs: POLL_MS, logError: (e) => console.error('WORKER ERROR', e) });
    const second = decision(1);
    let decisionMs: number;
    let jobMs: number;
    let jobId: string;
    let job: { status: string; result: { recomputed: number; changed: number; failed: number } };
    // BENCH_PROFILE=<file.cpuprofile>: a CPU profile of this process over the timed part alone (bench/profile-summary.ts reads it).
    const profile = process.env['BENCH_PROFILE'] ? await startProfile() : undefined;
    try {
      const t0 = process.hrtime.bigint();
      const out = await decide('2/QĐ-UBND', second);
      decisionMs = ms(t0);
      const queued = await sql<{ payload: { job: string } }>`SELECT payload FROM audit_pending WHERE action = 'campaign.recompute-members' UNION ALL SELECT payload FROM audit_log WHERE action = 'campaign.recompute-members'`.execute(handle.db);
      if (queued.rows.length !== 1) throw new Error(`expected one recompute queued by the decision, found ${queued.rows.length}`);
      jobId = queued.rows[0]!.payload.job;
      const t1 = process.hrtime.bigint();
      for (;;) {
        job = await call('leader', 'GET', `/api/jobs/${jobId}`);
        if (job.status === 'done' || job.status === 'failed') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      jobMs = ms(t1);
      void out;
    } finally {
      await worker.stop();
      if (profile) writeFileSync(process.env['BENCH_PROFILE']!, JSON.stringify(await profile()));
    }
    if (job.status !== 'done') throw new Error(`recompute job ${job.status}: ${JSON.stringify(job).slice(0, 400)}`);
    const totalMs = decisionMs + jobMs;
    log(`  decision 2: ${fmt(decisionMs)} ms; recompute job: ${fmt(jobMs)} ms (${fmt(households / (jobMs / 1000))} households/s); ${JSON.stringify({ recomputed: job.result.recomputed, changed: job.result.changed, failed: job.result.failed })}`);

    // Every household: its latest assessment is the recompute of the one before, with the score its members now give.
    const latest = await sql<{ registration_id: string; notes: string | null; total: number; titles: string[]; from: string | null; prev: string | null; text: string }>`
      SELECT DISTINCT ON (a.registration_id) a.registration_id, a.notes, (a.result->>'total')::numeric AS total, a.result->'titles' AS titles, a.result->>'recomputedFrom' AS from,
        (SELECT p.id FROM assessments p WHERE p.registration_id = a.registration_id AND p.id <> a.id ORDER BY p.assessed_at DESC, p.id DESC LIMIT 1) AS prev, a.result->>'explanationText' AS text
      FROM assessments a JOIN registrations r ON r.id = a.registration_id WHERE r.campaign_id = ${gdht}
      ORDER BY a.registration_id, a.assessed_at DESC, a.id DESC`.execute(handle.db);
    if (latest.rows.length !== households) throw new Error(`${latest.rows.length} households assessed, expected ${households}`);
    const byReg = new Map(latest.rows.map((r) => [r.registration_id, r]));
    let titlesChanged = 0;
    for (const h of hh) {
      const r = byReg.get(h.registrationId!)!;
      const yes = h.fails.filter((f) => !f).length;
      const expect = 70 + memberPoints(yes / h.members.length);
      if (r.notes !== RECOMPUTE_NOTE || !r.from || r.from !== r.prev) throw new Error(`household ${h.registrationId}: latest assessment is not the recompute of the one before (${r.notes}, ${r.from}, ${r.prev})`);
      if (Number(r.total) !== expect) throw new Error(`household ${h.registrationId}: total ${r.total}, expected ${expect}`);
      if (!r.text.includes(`${yes}/${h.members.length} thành viên đạt Công dân học tập năm ${YEAR}`)) throw new Error(`household ${h.registrationId}: explanation ${r.text.slice(0, 200)}`);
      if (JSON.stringify(r.titles) !== JSON.stringify(before.get(h.registrationId!)!.titles)) titlesChanged++;
    }
    if (job.result.recomputed !== households || job.result.failed !== 0 || job.result.changed !== titlesChanged) throw new Error(`job result ${JSON.stringify(job.result)}; ${titlesChanged} households' titles changed`);
    // Its history says so: the registration's record through the API, and the audit entries (why, and each chunk).
    const sample = await call('officer', 'GET', `/api/registrations/${hh[0]!.registrationId}`);
    const last = sample.assessments.at(-1);
    const h0 = hh[0]!;
    const said = `${h0.fails.filter((f) => !f).length}/${h0.members.length} thành viên đạt Công dân học tập năm ${YEAR}`;
    if (sample.assessments.length !== 2 || last.result.recomputedFrom !== sample.assessments[0].id || !String(last.result.members?.text).includes(said)) throw new Error(`history of a household: ${JSON.stringify(sample.assessments.map((a: { result: unknown }) => a.result)).slice(0, 600)}`);
    const audit = await sql<{ action: string; n: number }>`SELECT action, count(*)::int AS n FROM (SELECT action FROM audit_pending UNION ALL SELECT action FROM audit_log) x WHERE action LIKE 'campaign.recompute%' GROUP BY action ORDER BY action`.execute(handle.db);
    const chunks = audit.rows.find((r) => r.action === 'campaign.recompute-chunk')?.n ?? 0;
    if (chunks !== Math.ceil(households / CHUNK_ROWS)) throw new Error(`audit: ${JSON.stringify(audit.rows)}`);
    log(`  checked: all ${fmt(households)} households recomputed from their previous assessment with the score of their members' decisions (${titlesChanged} titles changed); audit ${audit.rows.map((r) => `${r.action} ${r.n}`).join(', ')}`);

    const size = await sql<{ db: string; a: string; au: string }>`SELECT pg_database_size(current_database())::text AS db, (SELECT count(*) FROM assessments)::text AS a, ((SELECT count(*) FROM audit_log) + (SELECT count(*) FROM audit_pending))::text AS au`.execute(handle.db);
    const s = size.rows[0]!;
    return {
      households,
      members,
      decided: second.recognised.length + second.notRecognised.length,
      setup,
      decisionMs,
      jobMs,
      totalMs,
      householdsPerSec: households / (jobMs / 1000),
      chunkRows: CHUNK_ROWS,
      pollMs: POLL_MS,
      job: { recomputed: job.result.recomputed, changed: job.result.changed, failed: job.result.failed },
      titlesChanged,
      databaseBytes: Number(s.db),
      assessments: Number(s.a),
      auditEntries: Number(s.au),
      idleOthers,
    };
  } finally {
    await handle.close();
    await tmp.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchRecompute(Number(process.argv[2] ?? 2000)), null, 2));
}
