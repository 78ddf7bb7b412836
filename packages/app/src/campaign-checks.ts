/**
 * What opening a campaign checks that a locality would get wrong (issue 11): a framework not in
 * force in the campaign's year or marked draft (a warning the caller confirms, naming the framework
 * in force for that title and year), and a campaign already open for the same title, year and
 * locality (also confirmed: a supplementary round, "đợt bổ sung", is legitimate, a second one by
 * mistake is what the check stops).
 */
import type { Model, Registry } from '@hoctap/core';
import { campaignsLike } from '@hoctap/db';
import type { Trx } from './deps.js';
import { AppError } from './errors.js';

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

/** Throws 409 `CAMPAIGN_NEEDS_CONFIRM` with the warnings and the frameworks in force, unless there is none or the caller confirmed. */
export function assertConfirmed(warnings: readonly CampaignWarning[], current: readonly string[], confirmed: boolean): void {
  if (warnings.length === 0 || confirmed) return;
  const hint = current.length ? `; bộ tiêu chí đang có hiệu lực: ${current.join(', ')}` : '; không có bộ tiêu chí nào khác đang có hiệu lực cho danh hiệu và năm này';
  throw new AppError(
    'conflict',
    'CAMPAIGN_NEEDS_CONFIRM',
    `${warnings.map((w) => w.message).join('; ')}${hint}. Gửi lại với "confirm": true nếu vẫn muốn mở đợt.`,
    `${warnings.map((w) => w.messageEn).join('; ')}. Send again with "confirm": true to open it anyway.`,
    { warnings, current },
  );
}

/** The warning of a campaign already open for the same title, year and locality, naming them; none otherwise. */
export async function duplicateWarnings(trx: Trx, key: { title: string; year: number; province: string; commune: string | null }): Promise<(CampaignWarning & { campaigns: string[] })[]> {
  const same = await campaignsLike(trx, key);
  if (same.length === 0) return [];
  const where = key.commune ? `xã ${key.commune}` : `tỉnh ${key.province}`;
  return [
    {
      code: 'DUPLICATE_CAMPAIGN',
      message: `Đã có ${same.length} đợt đánh giá cùng danh hiệu, năm ${key.year} và địa bàn (${where}); mở đợt đã có thay vì mở đợt mới, trừ khi đây là đợt bổ sung`,
      messageEn: `${same.length} campaign(s) for the same title, year ${key.year} and locality already open`,
      campaigns: same.map((c) => c.id),
    },
  ];
}
