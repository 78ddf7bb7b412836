/** Schemas and helpers shared by the resource routes. */
import { z } from '@hono/zod-openapi';
import type { Database, Scope } from '@hoctap/db';
import type { Kysely } from 'kysely';
import { Problem } from '../schemas.js';
import { ApiProblem } from '../problem.js';
import { outOfScope } from '../context.js';

export const nfc = z.string().transform((s) => s.normalize('NFC').trim());
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày dạng yyyy-mm-dd')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'ngày không có thật');
export const provinceCode = z.string().regex(/^[0-9]{2}$/, '2 chữ số');
export const communeCode = z.string().regex(/^[0-9]{5}$/, '5 chữ số');
export const IdParam = z.object({ id: z.string().max(100).openapi({ param: { name: 'id', in: 'path' }, example: '0b9e…' }) });
export const Paging = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

const p = (description: string) => ({ content: { 'application/problem+json': { schema: Problem } }, description });
/** The problems every resource route may answer. */
export const stdProblems = {
  400: p('Yêu cầu sai (VALIDATION, BAD_JSON)'),
  401: p('Chưa đăng nhập (UNAUTHENTICATED)'),
  403: p('Không có quyền, ngoài địa bàn hoặc thiếu mã CSRF (FORBIDDEN, OUT_OF_SCOPE, CSRF)'),
  404: p('Không tìm thấy — cũng là câu trả lời cho id của địa bàn khác'),
  409: p('Xung đột: bước không hợp lệ ở trạng thái hiện tại (ILLEGAL_TRANSITION), trùng, cùng một người'),
  422: p('Không xử lý được: số định danh sai, quá hạn, lỗi chấm điểm'),
};
export const security = [{ session: [] }];

/**
 * Where a new row goes: the caller's province (a national caller must name it) and a commune the
 * caller may write (a commune caller must name one of its communes).
 */
export function writeLocality(scope: Scope, body: { province?: string | undefined; commune?: string | null | undefined }): { province: string; commune: string | null } {
  const commune = body.commune ?? null;
  if (scope.role === 'national') {
    if (!body.province) throw new ApiProblem(400, 'PROVINCE_REQUIRED', 'Cần ghi mã tỉnh (`province`)', '`province` is required');
    return { province: body.province, commune };
  }
  if (body.province && body.province !== scope.province) throw outOfScope();
  if (scope.role === 'commune' && (commune === null || !scope.communes.includes(commune))) throw outOfScope();
  return { province: scope.province, commune };
}

/**
 * When the administrative units are loaded, a commune must belong to the province it is filed
 * under (a province admin cannot file rows under another province's commune codes).
 */
export async function assertCommuneInProvince(trx: Kysely<Database>, province: string, commune: string | null): Promise<void> {
  if (!commune) return;
  const units = await trx.selectFrom('administrative_units').select('province_code').where('level', '=', 'commune').where('code', '=', commune).execute();
  if (units.length && !units.some((u) => u.province_code === province))
    throw new ApiProblem(422, 'COMMUNE_NOT_IN_PROVINCE', `Xã ${commune} không thuộc tỉnh ${province}`, `Commune ${commune} is not in province ${province}`);
}
