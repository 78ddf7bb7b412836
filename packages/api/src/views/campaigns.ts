/** The HTTP shapes of campaigns and registrations, and their mappers from the stored rows. */
import { z } from '@hono/zod-openapi';
import { REGISTRATION_STATUSES, SUBJECT_KINDS, type Campaign, type Framework, type Registration } from '@hoctap/db';
import type { RegistrationListItem } from '@hoctap/app';

/** One row's problem: the row number, the column (letter and header) when one cell is at fault, a Vietnamese message. */
export const RowErrorSchema = z
  .object({ row: z.number().int(), column: z.string().optional(), header: z.string().optional(), field: z.string().optional(), code: z.string(), message: z.string() })
  .openapi('ImportRowError');

/** A campaign as the API shows it. */
export const CampaignSchema = z
  .object({
    id: z.string(),
    province: z.string(),
    commune: z.string().nullable(),
    title: z.string().openapi({ example: 'learning-citizen' }),
    name: z.string().openapi({ example: 'Công dân học tập năm 2026 — Xã Hy Cương, Phú Thọ', description: 'Tên đợt' }),
    communes: z.array(z.string()).openapi({ description: 'Các xã của đợt; rỗng: toàn tỉnh' }),
    year: z.number().int(),
    framework: z.object({ id: z.string(), plugin: z.string(), version: z.string(), contentHash: z.string() }),
    calendar: z.array(z.object({ name: z.string(), from: z.string().optional(), to: z.string(), late: z.enum(['refuse', 'flag']).optional(), label: z.string().optional() })),
    createdAt: z.string(),
  })
  .openapi('Campaign');

/** A registration as the API shows it. */
export const RegistrationSchema = z
  .object({
    id: z.string(),
    campaignId: z.string(),
    province: z.string(),
    commune: z.string().nullable(),
    subject: z.object({ kind: z.enum(SUBJECT_KINDS), id: z.string() }),
    status: z.enum(REGISTRATION_STATUSES),
    late: z.boolean(),
    registeredAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Registration');

/** A campaign row and its framework row in the API's shape. */
export function campaignOut(cp: Campaign, fw: Framework): z.infer<typeof CampaignSchema> {
  return {
    id: cp.id,
    province: cp.province_code,
    commune: cp.commune_code,
    title: cp.title,
    name: cp.name,
    communes: cp.communes?.length ? [...cp.communes] : cp.commune_code ? [cp.commune_code] : [],
    year: cp.year,
    framework: { id: fw.id, plugin: fw.plugin, version: fw.version, contentHash: fw.content_hash },
    calendar: cp.calendar as z.infer<typeof CampaignSchema>['calendar'],
    createdAt: new Date(cp.created_at).toISOString(),
  };
}

/** A registration row in the API's shape. */
export function registrationOut(r: Registration): z.infer<typeof RegistrationSchema> {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    province: r.province_code,
    commune: r.commune_code,
    subject: { kind: r.subject_kind, id: r.subject_id },
    status: r.status,
    late: r.late,
    registeredAt: new Date(r.registered_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

/** A registration in a campaign's list: its subject's name and its latest committee result, so a list needs no call per row. */
export const RegistrationListItemSchema = RegistrationSchema.extend({
  subjectName: z.string().nullable().openapi({ description: 'Tên người, hộ, dòng họ, cộng đồng hay đơn vị; null khi không xem được' }),
  result: z
    .object({ total: z.number(), max: z.number().nullable(), titles: z.array(z.string()), passed: z.boolean(), assessedAt: z.string() })
    .nullable()
    .openapi({ description: 'Kết quả bình xét mới nhất: tổng điểm, điểm tối đa, danh hiệu đạt, đạt hay không; null khi chưa bình xét' }),
}).openapi('RegistrationListItem');

/** A listed registration in the API's shape. */
export function registrationListItemOut(r: RegistrationListItem): z.infer<typeof RegistrationListItemSchema> {
  const c = r.summary.committee;
  return {
    ...registrationOut(r),
    subjectName: r.summary.subjectName,
    result: c ? { total: c.total, max: c.max, titles: c.titles, passed: c.titles.length > 0, assessedAt: c.assessedAt.toISOString() } : null,
  };
}
