/**
 * The yearly dashboard (issue 11): for a year and the caller's scope, each title that has a
 * campaign — registered, assessed, recognised, with the denominator stated (all subjects of that
 * kind in the area, or those registered) — per commune and per village (thôn/tổ dân phố), against
 * the framework's targets for that year (target, achieved, gap); and the roll-ups the seeds ask for
 * (households → clan and village, members → unit), counted by the same functions a group's
 * member-derived indicator reads (`group-members.ts`).
 */
import { conditionText } from '@hoctap/criteria-dsl';
import type { Model, Target } from '@hoctap/core';
import {
  campaignsOfYear,
  communeNames,
  fold,
  getFramework,
  groupsOfArea,
  titleFigures,
  type DashboardCampaignRow,
  type FigureRow,
  type GroupKind,
  type SubjectKind,
} from '@hoctap/db';
import type { CampaignTitle } from './campaigns.js';
import type { Caller, Deps, Trx } from './deps.js';
import { AppError, outOfScope } from './errors.js';
import { holdsTitle, memberKindFor, memberResultsOfYear, membersOfGroups, memberTitlesAsked, referenceDate } from './group-members.js';
import { modelOf } from './models.js';

/** The titles in the dashboard's order, with the kind of subject each is given to and its noun. */
export const DASHBOARD_TITLES: readonly { title: CampaignTitle; kind: SubjectKind; name: string; noun: string }[] = [
  { title: 'learning-citizen', kind: 'person', name: 'Công dân học tập', noun: 'người' },
  { title: 'learning-family', kind: 'household', name: 'Gia đình học tập', noun: 'hộ' },
  { title: 'learning-clan', kind: 'clan', name: 'Dòng họ học tập', noun: 'dòng họ' },
  { title: 'learning-community', kind: 'community', name: 'Cộng đồng học tập', noun: 'cộng đồng' },
  { title: 'learning-unit', kind: 'unit', name: 'Đơn vị học tập', noun: 'đơn vị' },
];

/** What the counts mean (the same words in every answer). */
export const DASHBOARD_COUNTS = {
  all: 'tất cả đối tượng cùng loại có trong dữ liệu của địa bàn',
  registered: 'đã đăng ký trong các đợt của danh hiệu năm đó (trừ hồ sơ đã rút; một đối tượng đăng ký hai đợt tính một lần)',
  assessed: 'đã được hội đồng đánh giá (từ bước "đã xét" trở đi, kể cả không được công nhận)',
  recognised: 'được công nhận (đã có quyết định, đã hoặc chưa công bố)',
} as const;

/** A target measured on an area. */
export interface DashboardTarget {
  framework: string;
  title: string;
  text: string;
  /** The population the target is written for ("toàn tỉnh", "người lớn trong …"), if any. */
  population: string | null;
  /** The condition on the locality the target is written for ("vung là phát triển"), if any. */
  condition: string | null;
  required: number;
  numerator: number;
  denominator: number;
  /** The share reached, in percent (2 decimals). */
  achieved: number;
  /** achieved − required, in percentage points (negative while short). */
  gap: number;
  met: boolean;
  /** How many more holders are needed; 0 when met. */
  shortBy: number;
}

/** A target of the year the dashboard cannot measure, and why. */
export interface UnmeasuredTarget {
  framework: string;
  text: string;
  reason: string;
}

/** The figures of one area: a village of a commune, a commune, or the whole area. */
export interface DashboardArea {
  level: 'area' | 'commune' | 'village';
  commune: string | null;
  communeName: string | null;
  village: string | null;
  all: number;
  registered: number;
  assessed: number;
  recognised: number;
  /** The denominator chosen: `all` or `registered`. */
  denominator: number;
  /** recognised / denominator, in percent (2 decimals). */
  share: number;
  /** e.g. "1.234 / 5.678 hộ (tất cả hộ trong xã Minh Quân)". */
  text: string;
  titles: { name: string; count: number }[];
  targets: DashboardTarget[];
}

/** One title's figures. */
export interface DashboardTitle {
  title: CampaignTitle;
  name: string;
  subjectKind: SubjectKind;
  noun: string;
  campaigns: { id: string; commune: string | null; framework: string }[];
  frameworks: string[];
  area: DashboardArea;
  communes: (DashboardArea & { villages: DashboardArea[] })[];
  unmeasuredTargets: UnmeasuredTarget[];
}

/** A group's members rolled up: how many of them hold the title the group's rules read. */
export interface RollupRow {
  kind: GroupKind;
  id: string;
  name: string;
  commune: string | null;
  communeName: string | null;
  /** Communities: village, residential-group or commune; units: their type. */
  type: string | null;
  memberKind: 'person' | 'household';
  /** The members' title counted (e.g. "Gia đình học tập"). */
  title: string;
  members: number;
  holders: number;
  /** Members with no decided result of that title that year. */
  missing: number;
  /** holders / members, in percent (2 decimals); 0 with no members. */
  share: number;
  text: string;
}

/** The dashboard. */
export interface Dashboard {
  year: number;
  province: string;
  commune: string | null;
  denominator: { kind: 'registered' | 'all'; description: string };
  counts: typeof DASHBOARD_COUNTS;
  /** The titles that have a campaign that year (in the caller's scope), in the order of {@link DASHBOARD_TITLES}. */
  titles: DashboardTitle[];
  rollups: {
    /** The day memberships are read on (today within the year, else its first or last day). */
    date: string;
    /** Households → clan (the clan's member households holding Gia đình học tập). */
    clans: RollupRow[];
    /** Households → village (a village's or residential group's member households holding Gia đình học tập). */
    villages: RollupRow[];
    /** Members → unit (a unit's members holding Công dân học tập). */
    units: RollupRow[];
  };
}

/** What the dashboard is asked for. */
export interface DashboardInput {
  year: number;
  province?: string | undefined;
  commune?: string | undefined;
  /** Only this title's figures (the portal's selector); all titles with a campaign by default. */
  title?: CampaignTitle | undefined;
  denominator?: 'registered' | 'all' | undefined;
}

const vi = new Intl.NumberFormat('vi-VN');
const n = (x: number) => vi.format(x);
const pct = (num: number, den: number) => (den > 0 ? Math.round((num * 10000) / den) / 100 : 0);
const round9 = (x: number) => Math.round(x * 1e9) / 1e9;

/** The members' title a group kind's rules read by default (when no framework of that year says otherwise). */
const DEFAULT_ASKED: Record<GroupKind, { campaignTitle: 'learning-family' | 'learning-citizen'; name: string }> = {
  household: { campaignTitle: 'learning-citizen', name: 'Công dân học tập' },
  clan: { campaignTitle: 'learning-family', name: 'Gia đình học tập' },
  community: { campaignTitle: 'learning-family', name: 'Gia đình học tập' },
  unit: { campaignTitle: 'learning-citizen', name: 'Công dân học tập' },
};

/** The province and commune the dashboard covers: the caller's, or one of them named. */
function areaOf(caller: Caller, input: DashboardInput): { province: string; commune: string | null } {
  const s = caller.scope;
  if (s.role === 'national') {
    if (!input.province) throw new AppError('invalid', 'PROVINCE_REQUIRED', 'Cần ghi mã tỉnh (`province`)', '`province` is required');
    return { province: input.province, commune: input.commune ?? null };
  }
  if (input.province && input.province !== s.province) throw outOfScope();
  if (input.commune && s.role === 'commune' && !s.communes.includes(input.commune)) throw outOfScope();
  return { province: s.province, commune: input.commune ?? null };
}

/** The titles of a target's framework by id or name, as a decision's result records them (names). */
function titleNameOf(model: Model, ref: string): string {
  return model.titles.find((t) => t.id === ref || t.name === ref)?.name ?? ref;
}

/**
 * The dashboard of a year for the caller's scope (or one commune of it): one query per title for
 * its figures, the frameworks' targets of that year measured on each area, and the roll-ups.
 */
export async function yearDashboard(deps: Pick<Deps, 'models' | 'registry' | 'now'>, caller: Caller, trx: Trx, input: DashboardInput): Promise<Dashboard> {
  const { province, commune } = areaOf(caller, input);
  const kind = input.denominator ?? 'all';
  const { year } = input;
  const campaigns = await campaignsOfYear(trx, { year, province });
  const models = new Map<string, { model: Model; ref: string }>();
  for (const id of new Set(campaigns.map((c) => c.framework_id))) {
    const fw = await getFramework(trx, id);
    if (fw) models.set(id, modelOf(deps, fw));
  }
  const titles: DashboardTitle[] = [];
  const figures = new Map<CampaignTitle, FigureRow[]>();
  for (const t of DASHBOARD_TITLES) {
    const mine = campaigns.filter((c) => c.title === t.title && (!commune || c.commune_code === null || c.commune_code === commune));
    if (mine.length === 0 || (input.title && input.title !== t.title)) continue;
    const rows = await titleFigures(trx, { kind: t.kind, title: t.title, year, province, commune });
    figures.set(t.title, rows);
  }
  const codes = [...new Set([...figures.values()].flat().flatMap((r) => (r.commune_code ? [r.commune_code] : [])))];
  const names = await communeNames(trx, codes);
  for (const t of DASHBOARD_TITLES) {
    const rows = figures.get(t.title);
    if (!rows) continue;
    const mine = campaigns.filter((c) => c.title === t.title && (!commune || c.commune_code === null || c.commune_code === commune));
    const fws = [...new Map(mine.flatMap((c) => (models.has(c.framework_id) ? [[c.framework_id, models.get(c.framework_id)!] as const] : []))).values()];
    const { measured, unmeasured } = targetsOfYear(fws, year);
    const key = (r: { commune_code: string | null; village: string | null }) => `${r.commune_code ?? ''}\u0000${r.village ?? ''}`;
    const held = new Map<string, Map<string, number>>();
    for (const r of rows) {
      if (r.title === null) continue;
      const k = `${r.level}\u0000${key(r)}`;
      const m = held.get(k) ?? new Map<string, number>();
      m.set(r.title, r.recognised);
      held.set(k, m);
    }
    const areaOfRow = (r: FigureRow): DashboardArea => {
      const titlesHeld = held.get(`${r.level}\u0000${key(r)}`) ?? new Map<string, number>();
      const communeName = r.commune_code ? (names.get(r.commune_code) ?? null) : null;
      const denominator = kind === 'all' ? r.all : r.registered;
      const place = r.level === 'village' ? (r.village ?? 'thôn chưa ghi') : r.level === 'commune' ? (communeName ?? (r.commune_code ? `xã ${r.commune_code}` : 'cấp tỉnh (không thuộc xã)')) : commune ? (names.get(commune) ?? `xã ${commune}`) : 'địa bàn';
      const text = kind === 'all' ? `${n(r.recognised)} / ${n(denominator)} ${t.noun} (tất cả ${t.noun} trong ${place})` : `${n(r.recognised)} / ${n(denominator)} ${t.noun} (số ${t.noun} đã đăng ký ở ${place})`;
      return {
        level: r.level,
        commune: r.commune_code,
        communeName,
        village: r.village,
        all: r.all,
        registered: r.registered,
        assessed: r.assessed,
        recognised: r.recognised,
        denominator,
        share: pct(r.recognised, denominator),
        text,
        titles: [...titlesHeld].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'vi')).map(([name, count]) => ({ name, count })),
        targets: measured.map((m) => measure(m, titlesHeld, denominator, kind)),
      };
    };
    const base = rows.filter((r) => r.title === null);
    const areaRow = base.find((r) => r.level === 'area') ?? { level: 'area' as const, commune_code: null, village: null, title: null, all: 0, registered: 0, assessed: 0, recognised: 0 };
    const communes = base
      .filter((r) => r.level === 'commune')
      .sort((a, b) => (a.commune_code ?? '').localeCompare(b.commune_code ?? ''))
      .map((c) => ({
        ...areaOfRow(c),
        // Clans and units live in no village: no village rows for them.
        villages: base
          .filter((v) => v.level === 'village' && v.commune_code === c.commune_code && (t.kind !== 'clan' && t.kind !== 'unit'))
          .sort((a, b) => (a.village === null ? 1 : b.village === null ? -1 : a.village.localeCompare(b.village, 'vi')))
          .map(areaOfRow),
      }));
    titles.push({
      title: t.title,
      name: t.name,
      subjectKind: t.kind,
      noun: t.noun,
      campaigns: mine.map((c) => ({ id: c.id, commune: c.commune_code, framework: models.get(c.framework_id)?.ref ?? c.framework_id })),
      frameworks: fws.map((f) => f.ref),
      area: areaOfRow(areaRow),
      communes,
      unmeasuredTargets: unmeasured,
    });
  }
  const date = referenceDate({ year }, deps.now());
  const rollups = {
    date,
    clans: await rollUp(deps, trx, { kind: 'clan', year, province, commune, date, campaigns, models, names }),
    villages: (await rollUp(deps, trx, { kind: 'community', year, province, commune, date, campaigns, models, names })).filter((r) => r.type !== 'commune'),
    units: await rollUp(deps, trx, { kind: 'unit', year, province, commune, date, campaigns, models, names }),
  };
  return {
    year,
    province,
    commune,
    denominator: {
      kind,
      description: kind === 'all' ? 'Mẫu số: tất cả đối tượng cùng loại có trong dữ liệu của địa bàn (thôn, xã, toàn địa bàn)' : 'Mẫu số: số đối tượng đã đăng ký trong các đợt của danh hiệu năm đó (trừ hồ sơ đã rút)',
    },
    counts: DASHBOARD_COUNTS,
    titles,
    rollups,
  };
}

type MeasuredTarget = { framework: string; model: Model; target: Target; required: number; title: string; population: string | null; condition: string | null };

/** The targets of these frameworks for the year: those with a share for that year and a title to count are measured; the others say why not. */
function targetsOfYear(fws: readonly { model: Model; ref: string }[], year: number): { measured: MeasuredTarget[]; unmeasured: UnmeasuredTarget[] } {
  const measured: MeasuredTarget[] = [];
  const unmeasured: UnmeasuredTarget[] = [];
  for (const { model, ref } of fws) {
    for (const target of model.targets) {
      const what = target.what.kind === 'title' ? `"${titleNameOf(model, target.what.title)}"` : `sự kiện "${model.facts.find((f) => f.id === (target.what as { fact: string }).fact)?.name ?? ''}"`;
      if (target.perYearIncrease) {
        unmeasured.push({ framework: ref, text: `${what}: mỗi năm tăng ${n(target.share)}%`, reason: 'Cần tỉ lệ của năm gốc để tính chỉ tiêu năm nay; bảng điều khiển chưa có số liệu năm gốc' });
        continue;
      }
      if (target.year !== year) continue;
      if (target.what.kind !== 'title' || target.among) {
        unmeasured.push({ framework: ref, text: `${what} năm ${year}: ${n(target.share)}%${target.among ? ' (trong số có danh hiệu hoặc sự kiện khác)' : ''}`, reason: 'Bảng điều khiển đếm danh hiệu được công nhận; chỉ tiêu về sự kiện hoặc trong một nhóm con chưa đo được ở đây' });
        continue;
      }
      measured.push({
        framework: ref,
        model,
        target,
        required: target.share,
        title: titleNameOf(model, target.what.title),
        population: target.population ?? null,
        condition: target.guard ? conditionText(target.guard) : null,
      });
    }
  }
  return { measured, unmeasured };
}

/** A target measured on an area's holders of its title against the chosen denominator (the same arithmetic as the engine's `targetProgress`). */
function measure(m: MeasuredTarget, held: Map<string, number>, denominator: number, kind: 'registered' | 'all'): DashboardTarget {
  const f = fold(m.title);
  const id = m.target.what.kind === 'title' ? fold(m.target.what.title) : f;
  let numerator = 0;
  for (const [name, count] of held) if (fold(name) === f || fold(name) === id) numerator += count;
  numerator = Math.min(numerator, denominator);
  const met = denominator > 0 && round9(numerator * 100 - m.required * denominator) >= 0;
  const needed = Math.ceil(round9((m.required * denominator) / 100));
  const shortBy = met ? 0 : Math.max(0, needed - numerator);
  const achieved = pct(numerator, denominator);
  const gap = Math.round((achieved - m.required) * 100) / 100;
  const scope = [m.population ? `trong "${m.population}"` : '', m.condition ? `nếu ${m.condition}` : ''].filter(Boolean).join(', ');
  const text = `Chỉ tiêu ${n(m.required)}% đạt "${m.title}"${scope ? ` (${scope})` : ''}: ${n(numerator)}/${n(denominator)} = ${n(achieved)}% — ${met ? 'đạt' : `chưa đạt, thiếu ${n(shortBy)}`} (mẫu số: ${kind === 'registered' ? 'số đã đăng ký' : 'tất cả'})`;
  return { framework: m.framework, title: m.title, text, population: m.population, condition: m.condition, required: m.required, numerator, denominator, achieved, gap, met, shortBy };
}

/**
 * Rolls a kind of group's members up: for each group of the area, its members on `date` (households
 * of its members when its rules read Gia đình học tập) and how many hold the members' title of the
 * year — {@link membersOfGroups} and {@link memberResultsOfYear}, the functions the group's own
 * member-derived indicator reads, batched over every group.
 */
async function rollUp(
  deps: Pick<Deps, 'models' | 'registry'>,
  trx: Trx,
  q: { kind: GroupKind; year: number; province: string; commune: string | null; date: string; campaigns: DashboardCampaignRow[]; models: Map<string, { model: Model; ref: string }>; names: Map<string, string> },
): Promise<RollupRow[]> {
  const groups = await groupsOfArea(trx, { kind: q.kind, province: q.province, commune: q.commune });
  if (groups.length === 0) return [];
  const title = DASHBOARD_TITLES.find((t) => t.kind === q.kind)!.title;
  // The members' title the group's own framework of the year reads (its commune's campaign first), else the usual one.
  const askedOf = (commune: string | null) => {
    const cp = q.campaigns.find((c) => c.title === title && c.commune_code === commune) ?? q.campaigns.find((c) => c.title === title && c.commune_code === null);
    const model = cp ? q.models.get(cp.framework_id)?.model : undefined;
    return (model && memberTitlesAsked(model)[0]) || DEFAULT_ASKED[q.kind];
  };
  const byAsked = new Map<string, { asked: { campaignTitle: 'learning-family' | 'learning-citizen'; name: string }; groups: typeof groups }>();
  for (const g of groups) {
    const asked = askedOf(g.commune_code);
    const k = `${asked.campaignTitle}\u0000${asked.name}`;
    const e = byAsked.get(k) ?? { asked, groups: [] };
    e.groups.push(g);
    byAsked.set(k, e);
  }
  const out = new Map<string, RollupRow>();
  for (const { asked, groups: gs } of byAsked.values()) {
    const memberKind = memberKindFor(q.kind, [asked]);
    const lists = await membersOfGroups(trx, { kind: q.kind, ids: gs.map((g) => g.id), memberKind, date: q.date });
    const ids = [...new Set([...lists.values()].flat().map((m) => m.id))];
    const results = await memberResultsOfYear(deps, trx, { memberKind, ids, titles: [asked.campaignTitle], year: q.year, province: q.province });
    const noun = memberKind === 'household' ? 'hộ thành viên' : 'thành viên';
    for (const g of gs) {
      const list = lists.get(g.id) ?? [];
      const holders = list.filter((m) => holdsTitle(results.get(m.id)?.titles, asked.name)).length;
      const missing = list.filter((m) => !results.get(m.id)?.titles).length;
      const text =
        list.length === 0
          ? `Chưa có ${noun} nào vào ngày ${q.date}`
          : `${n(holders)}/${n(list.length)} ${noun} đạt ${asked.name} năm ${q.year}${missing ? `; ${n(missing)} chưa có kết quả` : ''}`;
      out.set(g.id, {
        kind: q.kind,
        id: g.id,
        name: g.name,
        commune: g.commune_code,
        communeName: g.commune_code ? (q.names.get(g.commune_code) ?? null) : null,
        type: g.type,
        memberKind,
        title: asked.name,
        members: list.length,
        holders,
        missing,
        share: pct(holders, list.length),
        text,
      });
    }
  }
  // Back in the area's order (commune, name).
  const rows = groups.map((g) => out.get(g.id)!);
  const missingNames = rows.filter((r) => r.commune && !q.names.has(r.commune)).map((r) => r.commune!);
  if (missingNames.length) for (const [code, name] of await communeNames(trx, [...new Set(missingNames)])) for (const r of rows) if (r.commune === code) r.communeName = name;
  return rows;
}
