/** Schemas and helpers shared by the resource routes. */
import { z } from '@hono/zod-openapi';
import { nameProblem } from '@hoctap/criteria-dsl';
import { Problem } from '../schemas.js';

export const nfc = z.string().transform((s) => s.normalize('NFC').trim());
/**
 * A name (person, group, village, representative): NFC, trimmed, `max` characters at most, and no
 * invisible, control or look-alike characters (`nameProblem`), said in Vietnamese with the position.
 */
export const nameText = (max = 200) =>
  nfc.pipe(
    z
      .string()
      .max(max, `dài quá ${max} ký tự`)
      .superRefine((s, ctx) => {
        const bad = nameProblem(s);
        if (bad) ctx.addIssue({ code: 'custom', message: `tên ${bad.vi}` });
      }),
  );
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

/** Where a new row goes, and the commune-in-province check: the application layer's (`@hoctap/app`). */
export { writeLocality, assertCommuneInProvince } from '@hoctap/app';
