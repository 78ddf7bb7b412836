/**
 * Bench (b): a province dashboard over 10,000,000 assessments. Generates registrations and
 * assessments with INSERT … SELECT generate_series in a temporary database (34 provinces, Phú Thọ
 * the largest with ~8 %; 3 campaigns per province; per registration a self and a committee
 * assessment with a result `{titles, group, total}`), then times the province report two ways:
 *  - from the base tables with a covering index on assessments (campaign, kind) INCLUDE (result…);
 *  - from a summary table per (province, campaign, commune, status, title, group), maintained
 *    incrementally per campaign (re-aggregating one campaign when its rows change).
 */
import { migrateToLatest, openDatabase } from '@hoctap/db';
import { sql } from 'kysely';
import { fmt, median, ms, tempDatabase } from './common.ts';

export interface DashboardBench {
  assessments: number;
  registrations: number;
  provinceAssessments: number;
  loadMs: number;
  indexMs: number;
  summaryBuildMs: number;
  summaryRows: number;
  refreshOneCampaignMs: number;
  rawMedianMs: number;
  rawRuns: number[];
  summaryMedianMs: number;
  summaryRuns: number[];
}

const REPORT_SUMMARY = (province: string) => sql<{ status: string; title: string | null; grp: string | null; n: number }>`
  SELECT status, title, grp, sum(n)::bigint AS n FROM dashboard_summary
  WHERE province_code = ${province} AND year = 2026
  GROUP BY ROLLUP (status, title, grp)`;

const REPORT_RAW = (province: string) => sql<{ status: string; title: string | null; grp: string | null; n: number }>`
  SELECT r.status, a.result->'titles'->>0 AS title, a.result->>'group' AS grp, count(*) AS n
  FROM campaigns c JOIN registrations r ON r.campaign_id = c.id
  JOIN assessments a ON a.registration_id = r.id AND a.kind = 'committee'
  WHERE c.province_code = ${province} AND c.year = 2026
  GROUP BY ROLLUP (r.status, 2, 3)`;

export async function benchDashboard(total = 10_000_000, log: (s: string) => void = console.log): Promise<DashboardBench> {
  const tmp = await tempDatabase('hoctap_bench_dash');
  const handle = await openDatabase({ url: tmp.url });
  const db = handle.db;
  try {
    await migrateToLatest(db);
    const regs = total / 2;
    let t = process.hrtime.bigint();
    await sql`INSERT INTO users (email, display_name, password_hash) VALUES ('bench@x', 'b', '!')`.execute(db);
    await sql`INSERT INTO frameworks (plugin, version, title, source_text, status, effective_from, content_hash, published_by, published_at)
      SELECT 'bench', 'v1', 'learning-citizen', '', 'published', '2026-01-01', repeat('0', 64), id, now() FROM users`.execute(db);
    // 34 provinces × 3 campaigns (titles). Province i gets weight: '25' ~8 %, the rest shared.
    await sql`INSERT INTO campaigns (province_code, commune_code, title, framework_id, year)
      SELECT lpad(p::text, 2, '0'), NULL, t, (SELECT id FROM frameworks), 2026
      FROM generate_series(1, 34) p, unnest(ARRAY['learning-citizen', 'learning-family', 'learning-unit']) t`.execute(db);
    await sql`CREATE TEMP TABLE cp AS SELECT row_number() OVER (ORDER BY province_code, title) - 1 AS k, id, province_code FROM campaigns`.execute(db);
    // Unlogged load, then the real indexes (what a bulk load does); FKs checked by the constraint at creation.
    await sql`ALTER TABLE registrations SET UNLOGGED`.execute(db).catch(() => {});
    await sql.raw(`SET synchronous_commit = off`).execute(db);
    // The campaign of registration g: 8 % go to province 25's three campaigns, the rest spread evenly.
    await sql`INSERT INTO registrations (id, province_code, commune_code, campaign_id, subject_kind, subject_id, status, registered_at, updated_at)
      SELECT md5('r' || g)::uuid, cp.province_code, lpad((10000 + (g % 40))::text, 5, '0'), cp.id, 'person', md5('p' || g)::uuid,
        (ARRAY['recognised','recognised','recognised','not-recognised','reviewed','submitted','published','withdrawn'])[1 + (g * 7 % 8)],
        now(), now()
      FROM generate_series(1, ${regs}) g
      JOIN cp ON cp.k = CASE WHEN g % 100 < 8 THEN 72 + (g % 3) ELSE (g * 31 % 102) END`.execute(db);
    await sql`INSERT INTO assessments (province_code, commune_code, registration_id, kind, scores, result)
      SELECT r.province_code, r.commune_code, r.id, k.kind, '{}',
        jsonb_build_object('total', 50 + (h % 51), 'titles', CASE WHEN 50 + (h % 51) >= 75 THEN jsonb_build_array(c.title) ELSE '[]'::jsonb END,
          'group', (ARRAY['can-bo','giao-vien','nong-dan','hoc-sinh','cong-nhan'])[1 + (h % 5)])
      FROM registrations r JOIN campaigns c ON c.id = r.campaign_id
      CROSS JOIN (VALUES ('self'), ('committee')) k(kind)
      CROSS JOIN LATERAL (SELECT abs(hashtext(r.id::text || k.kind)) AS h) x`.execute(db);
    const loadMs = ms(t);
    log(`  loaded ${fmt(regs)} registrations and ${fmt(total)} assessments in ${fmt(loadMs / 1000, 1)} s`);
    t = process.hrtime.bigint();
    await sql`CREATE INDEX registrations_campaign_status_idx ON registrations (campaign_id) INCLUDE (id, status)`.execute(db);
    await sql`CREATE INDEX assessments_registration_kind_idx ON assessments (registration_id, kind) INCLUDE (result)`.execute(db);
    await sql`ANALYZE`.execute(db);
    const indexMs = ms(t);
    log(`  covering indexes + ANALYZE in ${fmt(indexMs / 1000, 1)} s`);

    t = process.hrtime.bigint();
    await sql`CREATE TABLE dashboard_summary (
      province_code text NOT NULL, campaign_id uuid NOT NULL, year integer NOT NULL, commune_code text,
      status text NOT NULL, title text, grp text, n bigint NOT NULL)`.execute(db);
    await sql`CREATE INDEX dashboard_summary_idx ON dashboard_summary (province_code, year, campaign_id)`.execute(db);
    const refresh = (campaignFilter: ReturnType<typeof sql>) => sql`INSERT INTO dashboard_summary
      SELECT c.province_code, c.id, c.year, r.commune_code, r.status, a.result->'titles'->>0, a.result->>'group', count(*)
      FROM campaigns c JOIN registrations r ON r.campaign_id = c.id
      JOIN assessments a ON a.registration_id = r.id AND a.kind = 'committee'
      WHERE ${campaignFilter}
      GROUP BY 1, 2, 3, 4, 5, 6, 7`;
    await refresh(sql`true`).execute(db);
    const summaryBuildMs = ms(t);
    const summaryRows = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM dashboard_summary`.execute(db)).rows[0]!.n);
    log(`  summary built in ${fmt(summaryBuildMs / 1000, 1)} s (${fmt(summaryRows)} rows)`);
    // Incremental refresh: one campaign (the largest, Phú Thọ's) re-aggregated in a transaction.
    const big = (await sql<{ id: string }>`SELECT id FROM campaigns WHERE province_code = '25' ORDER BY title LIMIT 1`.execute(db)).rows[0]!.id;
    t = process.hrtime.bigint();
    await db.transaction().execute(async (trx) => {
      await sql`DELETE FROM dashboard_summary WHERE campaign_id = ${big}`.execute(trx);
      await refresh(sql`c.id = ${big}`).execute(trx);
    });
    const refreshOneCampaignMs = ms(t);
    log(`  incremental refresh of one campaign of province 25: ${fmt(refreshOneCampaignMs)} ms`);

    const provinceAssessments = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM assessments WHERE province_code = '25'`.execute(db)).rows[0]!.n);
    const time = async (q: () => Promise<unknown>, runs: number) => {
      await q(); // warm the cache
      const out: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = process.hrtime.bigint();
        await q();
        out.push(ms(t0));
      }
      return out;
    };
    const summaryRuns = await time(() => REPORT_SUMMARY('25').execute(db), 15);
    const rawRuns = await time(() => REPORT_RAW('25').execute(db), 5);
    // Same answer both ways.
    const a = (await REPORT_SUMMARY('25').execute(db)).rows.find((r) => r.status === null)!;
    const b = (await REPORT_RAW('25').execute(db)).rows.find((r) => r.status === null)!;
    if (Number(a.n) !== Number(b.n)) throw new Error(`summary ${a.n} ≠ raw ${b.n}`);
    log(`  province 25 (${fmt(provinceAssessments)} assessments): summary median ${fmt(median(summaryRuns), 2)} ms; base tables median ${fmt(median(rawRuns))} ms`);
    return { assessments: total, registrations: regs, provinceAssessments, loadMs, indexMs, summaryBuildMs, summaryRows, refreshOneCampaignMs, rawMedianMs: median(rawRuns), rawRuns, summaryMedianMs: median(summaryRuns), summaryRuns };
  } finally {
    await handle.close();
    await tmp.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await benchDashboard(Number(process.argv[2] ?? 10_000_000)), null, 2));
