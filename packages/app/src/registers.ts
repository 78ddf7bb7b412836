/**
 * The 1-, 3- and 5-year registers (sổ theo dõi; Yên Bái KH 86/KH-UBND 2016, nhiệm vụ 3: "sổ sách,
 * thống kê, theo dõi quản lý danh sách các hộ gia đình, dòng họ, cộng đồng và đơn vị đã tham gia đăng
 * ký và đạt các danh hiệu hàng năm, 3 năm, 5 năm"): for a locality and a title, the subjects that
 * registered and were recognised this year (sổ 1 năm), in each of the 3 years ending this year ("đạt
 * 3 năm liên tục", sổ 3 năm) and likewise 5. A year counts when its decision still holds (see
 * `titleHistory` in @hoctap/db). Groups are listed with their name and representative.
 */
import { viCollator } from '@hoctap/criteria-dsl';
import { titleRegister, type RegisterRow, type SubjectKind } from '@hoctap/db';
import type { RegistersData } from '@hoctap/documents';
import type { CampaignTitle } from './campaigns.js';
import { localityNames } from './credentials.js';
import { localDate, type Caller, type Deps, type Trx } from './deps.js';
import { AppError } from './errors.js';
import { HEAD_NAMES } from './subjects.js';

/** The titles in Vietnamese, as the registers print them. */
export const TITLE_NAMES: Record<CampaignTitle, string> = {
  'learning-citizen': 'Công dân học tập',
  'learning-family': 'Gia đình học tập',
  'learning-clan': 'Dòng họ học tập',
  'learning-community': 'Cộng đồng học tập',
  'learning-unit': 'Đơn vị học tập',
};

/** The registers' spans: this year, 3 and 5 consecutive years ending with it. */
export const REGISTER_SPANS = [1, 3, 5] as const;
export type RegisterSpan = (typeof REGISTER_SPANS)[number];

/** What a register asks: title, year, span; the locality within the caller's scope; a page. */
export interface RegisterInput {
  title: CampaignTitle;
  year: number;
  span: RegisterSpan;
  /** A province caller may name one commune; a commune caller one of theirs (default: all of theirs). */
  commune?: string | undefined;
  /** Only for a national caller (required there). */
  province?: string | undefined;
  /** Only subjects of this kind (a community title also takes the commune itself, as a community). */
  kind?: SubjectKind | undefined;
  limit: number;
  offset: number;
}

/** One subject of a register. */
export interface RegisterEntry {
  registrationId: string;
  subject: { kind: SubjectKind; id: string; name: string };
  /** A group's head: "Chủ hộ", "Trưởng họ", "Trưởng thôn", "Thủ trưởng đơn vị" and the name; null for a person or a group without one. */
  representative: { role: string; name: string } | null;
  village: string | null;
  commune: { code: string; name: string | null } | null;
  province: string;
  /** Every year up to the register's in which the title held (ascending). */
  years: number[];
  /** Consecutive years ending with the register's year. */
  consecutive: number;
  decision: { number: string; date: string };
}

/** A page of a register and what it is. */
export interface RegisterPage {
  title: CampaignTitle;
  titleName: string;
  year: number;
  span: RegisterSpan;
  /** "Đạt danh hiệu năm 2020" / "Đạt 3 năm liên tục (2018–2020)". */
  description: string;
  locality: { province: string; communes: string[] | null };
  items: RegisterEntry[];
  total: number;
}

const spanText = (year: number, span: RegisterSpan) => (span === 1 ? `Đạt danh hiệu năm ${year}` : `Đạt ${span} năm liên tục (${year - span + 1}–${year}), tính đến năm ${year}`);

/** Consecutive years ending in `year` (0 when the title did not hold that year). */
function consecutive(years: readonly number[], year: number): number {
  const set = new Set(years);
  let n = 0;
  while (set.has(year - n)) n++;
  return n;
}

/**
 * The order Vietnamese readers expect: a person by the given name (the last word), then the rest of
 * the name; a group by its name — both with the house's Vietnamese collation; then the commune.
 */
export function registerOrder(a: { kind: SubjectKind; name: string }, b: { kind: SubjectKind; name: string }): number {
  const key = (x: { kind: SubjectKind; name: string }) => {
    const words = x.name.trim().split(/\s+/u);
    return x.kind === 'person' ? [words.at(-1) ?? '', words.slice(0, -1).join(' ')] : [x.name, ''];
  };
  const [ka, kb] = [key(a), key(b)];
  return viCollator.compare(ka[0]!, kb[0]!) || viCollator.compare(ka[1]!, kb[1]!);
}

/** The locality a caller's register covers: a province, and the communes (null: the whole province). */
function localityOf(caller: Caller, input: Pick<RegisterInput, 'commune' | 'province'>): { province: string; communes: string[] | null } {
  const { scope } = caller;
  const outside = () => new AppError('not-found', 'LOCALITY_NOT_FOUND', 'Địa bàn không thuộc phạm vi của tài khoản', 'The locality is outside the account’s scope');
  if (scope.role === 'national') {
    if (!input.province) throw new AppError('invalid', 'PROVINCE_REQUIRED', 'Cần chọn tỉnh (tham số `province`)', 'A province is required (`province`)');
    return { province: input.province, communes: input.commune ? [input.commune] : null };
  }
  if (input.province && input.province !== scope.province) throw outside();
  if (scope.role === 'province') return { province: scope.province, communes: input.commune ? [input.commune] : null };
  if (input.commune && !scope.communes.includes(input.commune)) throw outside();
  return { province: scope.province, communes: input.commune ? [input.commune] : [...scope.communes] };
}

function entryOf(r: RegisterRow, year: number): RegisterEntry {
  return {
    registrationId: r.registration_id,
    subject: { kind: r.subject_kind, id: r.subject_id, name: r.name ?? '' },
    representative: r.subject_kind !== 'person' && r.representative ? { role: HEAD_NAMES[r.subject_kind], name: r.representative } : null,
    village: r.village,
    commune: r.commune_code ? { code: r.commune_code, name: r.commune_name } : null,
    province: r.province_code,
    years: r.years,
    consecutive: consecutive(r.years, year),
    decision: { number: r.decision_number, date: r.decided_on },
  };
}

/** Every entry of a register, in the readers' order (the page and the download share it). */
async function registerEntries(trx: Trx, caller: Caller, input: Omit<RegisterInput, 'limit' | 'offset'>) {
  if (!REGISTER_SPANS.includes(input.span)) throw new AppError('invalid', 'REGISTER_SPAN', 'Sổ theo dõi là sổ 1, 3 hoặc 5 năm', 'A register spans 1, 3 or 5 years');
  const locality = localityOf(caller, input);
  const rows = await titleRegister(trx, { title: input.title, year: input.year, span: input.span, province: locality.province, communes: locality.communes ?? undefined, kind: input.kind });
  const items = rows.map((r) => entryOf(r, input.year));
  items.sort((a, b) => registerOrder(a.subject, b.subject) || viCollator.compare(a.commune?.name ?? '', b.commune?.name ?? '') || a.subject.id.localeCompare(b.subject.id));
  return { locality, items };
}

/** A page of a register the caller may read (every entry is counted in `total`; nothing is capped silently). */
export async function titleRegisterPage(_deps: Deps, caller: Caller, trx: Trx, input: RegisterInput): Promise<RegisterPage> {
  const { locality, items } = await registerEntries(trx, caller, input);
  return {
    title: input.title,
    titleName: TITLE_NAMES[input.title],
    year: input.year,
    span: input.span,
    description: spanText(input.year, input.span),
    locality,
    items: items.slice(input.offset, input.offset + input.limit),
    total: items.length,
  };
}

/**
 * The three registers (1, 3, 5 years) of a title for the download (workbook, PDF): every subject
 * recognised this year, with its years — `registers()` in @hoctap/documents splits them by span.
 */
export async function titleRegistersDocument(deps: Pick<Deps, 'registry' | 'now'>, caller: Caller, trx: Trx, input: Omit<RegisterInput, 'span' | 'limit' | 'offset'>): Promise<{ data: RegistersData; locality: string }> {
  const { locality, items } = await registerEntries(trx, caller, { ...input, span: 1 });
  const one = locality.communes?.length === 1 ? locality.communes[0]! : null;
  const names = await localityNames(trx, deps.registry, locality.province, one);
  const place = names.commune ?? names.province;
  return {
    locality: place,
    data: {
      title: TITLE_NAMES[input.title],
      year: input.year,
      locality: locality.communes && !one ? `${names.province} (${locality.communes.length} xã, phường)` : place,
      date: localDate(deps.now()),
      holders: items.map((e) => ({
        name: e.subject.name,
        kind: e.subject.kind,
        ...(e.representative ? { representative: `${e.representative.role}: ${e.representative.name}` } : {}),
        address: [e.village, e.commune?.name].filter(Boolean).join(', '),
        years: e.years,
        decision: `${e.decision.number} ngày ${e.decision.date.split('-').reverse().join('/')}`,
      })),
    },
  };
}
