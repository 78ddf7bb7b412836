/**
 * What opening a campaign checks that a locality would get wrong (issue 11): a framework not in
 * force in the campaign's year or marked draft (a warning the caller confirms, naming the framework
 * in force for that title and year), and a campaign already open for the same title, year and
 * locality (also confirmed: a supplementary round, "đợt bổ sung", is legitimate, a second one by
 * mistake is what the check stops).
 */
import type { Model, Registry } from '@hoctap/core';
import { CAMPAIGN_NAME_MAX, campaignsLike, communesOfUnits, fold, type Scope } from '@hoctap/db';
import type { Trx } from './deps.js';
import { AppError } from './errors.js';
import { writeLocality } from './where.js';

/** A reason to confirm before opening. */
export interface CampaignWarning {
  code: 'FRAMEWORK_DRAFT' | 'FRAMEWORK_NOT_IN_FORCE' | 'DUPLICATE_CAMPAIGN';
  message: string;
  messageEn: string;
}

/** Whether a model is in force in `year` by its stated effective dates (none stated: in force). */
export function inForce(model: Pick<Model, 'effective'>, year: number): boolean {
  const from = model.effective?.from ? Number(model.effective.from.slice(0, 4)) : -Infinity;
  const to = model.effective?.to ? Number(model.effective.to.slice(0, 4)) : Infinity;
  return from <= year && year <= to;
}

/** The registered frameworks in force for the same kind of subject, locality and year (not drafts), as refs. */
export function currentFrameworks(registry: Pick<Registry, 'frameworks'>, model: Pick<Model, 'subject' | 'locality'>, year: number): string[] {
  return registry.frameworks
    .filter((f) => f.model.subject === model.subject && (f.model.locality?.code ?? null) === (model.locality?.code ?? null) && f.model.status !== 'draft' && inForce(f.model, year))
    .map((f) => f.ref)
    .sort();
}

/** The warnings of opening a campaign of `model` (ref `ref`) for `year`. */
export function campaignWarnings(model: Pick<Model, 'status' | 'effective'>, ref: string, year: number): CampaignWarning[] {
  const out: CampaignWarning[] = [];
  if (model.status === 'draft')
    out.push({ code: 'FRAMEWORK_DRAFT', message: `Bộ tiêu chí ${ref} còn là dự thảo`, messageEn: `Framework ${ref} is a draft` });
  if (!inForce(model, year)) {
    const range = `${model.effective?.from ?? '…'} – ${model.effective?.to ?? '…'}`;
    out.push({ code: 'FRAMEWORK_NOT_IN_FORCE', message: `Bộ tiêu chí ${ref} không có hiệu lực trong năm ${year} (hiệu lực ${range})`, messageEn: `Framework ${ref} is not in force in ${year} (in force ${range})` });
  }
  return out;
}

/** Throws 409 `CAMPAIGN_NEEDS_CONFIRM` with the warnings and the frameworks in force (and `extra` details), unless there is none or the caller confirmed. */
export function assertConfirmed(warnings: readonly CampaignWarning[], current: readonly string[], confirmed: boolean, extra: Record<string, unknown> = {}): void {
  if (warnings.length === 0 || confirmed) return;
  const hint = current.length ? `; bộ tiêu chí đang có hiệu lực: ${current.join(', ')}` : '; không có bộ tiêu chí nào khác đang có hiệu lực cho danh hiệu và năm này';
  throw new AppError(
    'conflict',
    'CAMPAIGN_NEEDS_CONFIRM',
    `${warnings.map((w) => w.message).join('; ')}${hint}. Gửi lại với "confirm": true nếu vẫn muốn mở đợt.`,
    `${warnings.map((w) => w.messageEn).join('; ')}. Send again with "confirm": true to open it anyway.`,
    { warnings, current, ...extra },
  );
}

/** A campaign already open that a new one would duplicate, as the warning names it. */
export interface ExistingCampaign {
  id: string;
  name: string;
  year: number;
  communes: string[];
  createdAt: string;
}

const dmy = (d: Date) => `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
const placeOf = (province: string, communes: readonly string[]) => (communes.length ? `xã ${communes.join(', ')}` : `toàn tỉnh ${province}`);

/**
 * The warning of campaigns already open for the same title and year in the same locality — the
 * same province, covering one of the same communes (a province-wide campaign covers them all) —
 * naming each ("«Công dân học tập năm 2026 — Xã A» (mở ngày 05/01/2026, xã 07900)"); none otherwise.
 */
export async function duplicateWarnings(trx: Trx, key: { title: string; year: number; province: string; communes: readonly string[] }): Promise<(CampaignWarning & { campaigns: string[]; existing: ExistingCampaign[] })[]> {
  const same = await campaignsLike(trx, key);
  if (same.length === 0) return [];
  const existing = same.map((c) => {
    const communes = c.communes.length ? [...c.communes] : c.commune_code ? [c.commune_code] : [];
    return { id: c.id, name: c.name, year: c.year, communes, createdAt: new Date(c.created_at).toISOString() };
  });
  const named = existing.map((c) => `«${c.name}» (mở ngày ${dmy(new Date(c.createdAt))}, ${placeOf(key.province, c.communes)})`).join(', ');
  return [
    {
      code: 'DUPLICATE_CAMPAIGN',
      message: `Đã có ${same.length} đợt đánh giá cùng danh hiệu, năm ${key.year} và địa bàn (${placeOf(key.province, key.communes)}): ${named}; mở đợt đã có thay vì mở đợt mới, trừ khi đây là đợt bổ sung`,
      messageEn: `${same.length} campaign(s) for the same title, year ${key.year} and locality already open: ${existing.map((c) => `"${c.name}"`).join(', ')}`,
      campaigns: existing.map((c) => c.id),
      existing,
    },
  ];
}

/** A campaign's name as stored: NFC, trimmed, inner blanks single; empty or longer than the limit is refused (400). */
export function campaignNameOf(raw: string): string {
  const name = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (name.length === 0) throw new AppError('invalid', 'CAMPAIGN_NAME_REQUIRED', 'Cần đặt tên cho đợt đánh giá (trường `name`)', 'A campaign needs a name (`name`)', { field: 'name' });
  if ([...name].length > CAMPAIGN_NAME_MAX)
    throw new AppError('invalid', 'CAMPAIGN_NAME_TOO_LONG', `Tên đợt đánh giá dài quá ${CAMPAIGN_NAME_MAX} ký tự (trường \`name\`)`, `A campaign name has at most ${CAMPAIGN_NAME_MAX} characters`, { field: 'name', max: CAMPAIGN_NAME_MAX });
  return name;
}

/**
 * Refuses (409 `CAMPAIGN_NAME_TAKEN`, not confirmable) a name that one of the duplicates already has
 * (compared without case or diacritics): a supplementary round is named as one ("… — đợt bổ sung").
 */
export function assertNameFree(name: string, existing: readonly ExistingCampaign[]): void {
  const same = existing.find((c) => fold(c.name) === fold(name));
  if (same)
    throw new AppError(
      'conflict',
      'CAMPAIGN_NAME_TAKEN',
      `Đã có đợt «${same.name}» cùng danh hiệu, năm và địa bàn (mở ngày ${dmy(new Date(same.createdAt))}); dùng đợt đó, hoặc đặt tên khác nếu đây là đợt bổ sung`,
      `Campaign "${same.name}" for the same title, year and locality already exists; use it, or name a supplementary round differently`,
      { field: 'name', existing: same },
    );
}

const COMMUNE_CODE = /^[0-9]{5}$/;

/**
 * Where a campaign goes, checked: the communes it covers are 5-digit codes (400 `COMMUNE_CODE_INVALID`
 * naming them), a commune officer opens one for one of his communes (none named: his only one) (403 `CAMPAIGN_COMMUNE_OUT_OF_SCOPE`
 * naming the others; several at once is the province's to open, 403 `CAMPAIGN_COMMUNES_PROVINCE_ONLY`),
 * the province is the caller's, and — when the administrative units are loaded — each commune is on
 * record (422 `COMMUNE_UNKNOWN`) in that province (422 `COMMUNE_NOT_IN_PROVINCE`). Sorted, without repeats.
 */
export async function checkCampaignCommunes(
  trx: Trx,
  scope: Scope,
  input: { province?: string | undefined; commune?: string | null | undefined; communes?: readonly string[] | undefined },
): Promise<{ province: string; communes: string[] }> {
  const raw = input.communes ?? (input.commune ? [input.commune] : []);
  if (input.communes && input.commune && !(input.communes.length === 1 && input.communes[0] === input.commune))
    throw new AppError('invalid', 'COMMUNES_DISAGREE', 'Trường `commune` và `communes` ghi khác nhau; chỉ dùng `communes`', '`commune` and `communes` disagree; use `communes`', { field: 'communes' });
  const bad = raw.filter((c) => !COMMUNE_CODE.test(c));
  if (bad.length)
    throw new AppError('invalid', 'COMMUNE_CODE_INVALID', `Mã xã phải gồm 5 chữ số: ${bad.map((c) => `"${c}"`).join(', ')} (trường \`communes\`)`, `Commune codes have 5 digits: ${bad.join(', ')}`, { field: 'communes', communes: bad });
  // A commune officer of one commune who names none opens it for that commune.
  const communes = raw.length === 0 && scope.role === 'commune' && scope.communes.length === 1 ? [scope.communes[0]!] : [...new Set(raw)].sort();
  if (scope.role === 'commune') {
    const outside = communes.filter((c) => !scope.communes.includes(c));
    if (communes.length === 0 || outside.length)
      throw new AppError(
        'forbidden',
        'CAMPAIGN_COMMUNE_OUT_OF_SCOPE',
        communes.length === 0
          ? `Cán bộ xã mở đợt đánh giá cho xã của mình (${scope.communes.join(', ')}): cần ghi \`communes\`; đợt toàn tỉnh do cấp tỉnh mở`
          : `Xã ${outside.join(', ')} không thuộc phạm vi của tài khoản (các xã của tài khoản: ${scope.communes.join(', ')})`,
        communes.length === 0 ? 'A commune officer opens campaigns for one of his communes' : `Commune(s) ${outside.join(', ')} are outside your account's communes`,
        { field: 'communes', communes: outside, allowed: scope.communes },
      );
    if (communes.length > 1)
      throw new AppError(
        'forbidden',
        'CAMPAIGN_COMMUNES_PROVINCE_ONLY',
        `Đợt đánh giá nhiều xã (${communes.join(', ')}) do cấp tỉnh mở; cán bộ xã mở mỗi xã một đợt`,
        'A campaign of several communes is opened by the province; a commune officer opens one per commune',
        { field: 'communes', communes },
      );
  }
  const { province } = writeLocality(scope, { province: input.province, commune: communes[0] ?? null });
  const units = await communesOfUnits(trx, communes);
  if (units.loaded) {
    const unknown = communes.filter((c) => !units.provinces.has(c));
    if (unknown.length)
      throw new AppError('unprocessable', 'COMMUNE_UNKNOWN', `Không có xã mã ${unknown.join(', ')} trong danh mục đơn vị hành chính (trường \`communes\`)`, `No commune ${unknown.join(', ')} in the administrative units`, { field: 'communes', communes: unknown });
    const elsewhere = communes.filter((c) => units.provinces.get(c) !== province);
    if (elsewhere.length)
      throw new AppError('unprocessable', 'COMMUNE_NOT_IN_PROVINCE', `Xã ${elsewhere.join(', ')} không thuộc tỉnh ${province} (trường \`communes\`)`, `Commune(s) ${elsewhere.join(', ')} are not in province ${province}`, { field: 'communes', communes: elsewhere });
  }
  return { province, communes };
}
