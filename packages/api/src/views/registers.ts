/** The response shape of the 1/3/5-year registers (sổ theo dõi) and its mapper. */
import { z } from '@hono/zod-openapi';
import type { RegisterEntry, RegisterPage } from '@hoctap/app';

const KIND = z.enum(['person', 'household', 'clan', 'community', 'unit']);

/** One subject of a register. */
export const RegisterEntrySchema = z
  .object({
    registrationId: z.string(),
    subject: z.object({ kind: KIND, id: z.string(), name: z.string().openapi({ description: 'Họ tên của cá nhân, hoặc tên hộ, dòng họ, cộng đồng, đơn vị' }) }),
    representative: z
      .object({ role: z.string(), name: z.string() })
      .nullable()
      .openapi({ description: 'Người đại diện của nhóm (chủ hộ, trưởng họ, trưởng thôn, thủ trưởng đơn vị) vào ngày cuối năm của sổ; null với cá nhân' }),
    village: z.string().nullable(),
    commune: z.object({ code: z.string(), name: z.string().nullable() }).nullable(),
    province: z.string(),
    years: z.array(z.number().int()).openapi({ description: 'Các năm được công nhận danh hiệu (đến năm của sổ), tăng dần' }),
    consecutive: z.number().int().openapi({ description: 'Số năm liên tục được công nhận tính đến năm của sổ' }),
    decision: z.object({ number: z.string(), date: z.string().openapi({ description: 'yyyy-mm-dd' }) }).openapi({ description: 'Quyết định công nhận của năm của sổ' }),
    certificatePdf: z.string().openapi({ description: 'Giấy công nhận của năm của sổ' }),
  })
  .openapi('RegisterEntry');

/** A page of a register. */
export const RegisterPageSchema = z
  .object({
    title: z.string(),
    titleName: z.string(),
    year: z.number().int(),
    span: z.union([z.literal(1), z.literal(3), z.literal(5)]),
    description: z.string().openapi({ example: 'Đạt 3 năm liên tục (2018–2020), tính đến năm 2020' }),
    locality: z.object({ province: z.string(), communes: z.array(z.string()).nullable().openapi({ description: 'null: cả tỉnh' }) }),
    items: z.array(RegisterEntrySchema),
    total: z.number().int().openapi({ description: 'Tổng số trong sổ (mọi trang)' }),
  })
  .openapi('RegisterPage');

const entryOut = (e: RegisterEntry): z.infer<typeof RegisterEntrySchema> => ({ ...e, certificatePdf: `/api/registrations/${e.registrationId}/certificate.pdf` });

/** A register page in the API's shape. */
export function registerPageOut(p: RegisterPage): z.infer<typeof RegisterPageSchema> {
  return { ...p, items: p.items.map(entryOut) };
}
