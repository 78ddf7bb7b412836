/** The HTTP shapes of assessments and evidence files, and their mappers from the stored rows. */
import { z } from '@hono/zod-openapi';
import type { Assessment, EvidenceFileRow } from '@hoctap/db';

const score = z.union([z.number().finite(), z.boolean(), z.null()]);

/** One line of an explanation and the lines that support it (core's `Explanation`). */
type ExplanationLine = { text: string; ok?: boolean | undefined; children?: ExplanationLine[] | undefined };
const ExplanationSchema: z.ZodType<ExplanationLine> = z.lazy(() => z.object({ text: z.string(), ok: z.boolean().optional(), children: z.array(ExplanationSchema).optional() })).openapi('Explanation');

const MemberEntrySchema = z.object({
  kind: z.enum(['person', 'household']),
  id: z.string(),
  name: z.string().nullable(),
  titles: z.array(z.string()).optional(),
  facts: z.array(z.string()).optional(),
  registrationId: z.string().optional(),
  reason: z.string().optional(),
});

/** What the engine's scoring stored with an assessment (`engineResult` in @hoctap/app). */
export const AssessmentResultSchema = z
  .object({
    framework: z.object({ ref: z.string(), id: z.string(), version: z.string(), contentHash: z.string() }).openapi({ description: 'Phiên bản bộ tiêu chí đã chấm (mã băm nội dung)' }),
    total: z.number(),
    max: z.number(),
    titles: z.array(z.string()).openapi({ description: 'Các danh hiệu đạt, như viết trong tệp tiêu chí' }),
    level: z.string().optional().openapi({ description: 'Xếp loại, nếu bộ tiêu chí có' }),
    criteria: z.array(z.object({ id: z.string(), points: z.number(), max: z.number() })),
    group: z.string().optional(),
    attributes: z.record(z.string(), z.string()).optional(),
    late: z.boolean().optional(),
    members: z
      .object({ date: z.string(), year: z.number().int(), memberKind: z.enum(['person', 'household']), counted: z.array(MemberEntrySchema), missing: z.array(MemberEntrySchema), text: z.string() })
      .optional()
      .openapi({ description: 'Thành viên được tính và thiếu dữ liệu (tiêu chí đọc kết quả thành viên)' }),
    memberFacts: z.record(z.string(), z.array(z.string())).optional(),
    history: z
      .object({
        from: z.number().int(),
        to: z.number().int(),
        years: z.array(z.object({ year: z.number().int(), registrationId: z.string(), decision: z.object({ number: z.string(), date: z.string() }), titles: z.array(z.string()) })),
        text: z.string(),
      })
      .optional()
      .openapi({ description: 'Các năm trước được công nhận (từ các quyết định đã lưu, không tính hồ sơ đã rút hay giấy công nhận đã thu hồi), cho danh hiệu nhiều năm liền' }),
    explanation: z.union([ExplanationSchema, z.null()]).optional(),
    explanationText: z.string().optional(),
  })
  .catchall(z.unknown())
  .openapi('AssessmentResult');

/** An assessment as the API shows it. */
export const AssessmentSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['self', 'committee']),
    assessedBy: z.string().nullable(),
    assessedAt: z.string(),
    scores: z.record(z.string(), score),
    evidence: z
      .array(z.object({ id: z.string().optional(), indicator: z.string().optional(), name: z.string(), mediaType: z.string(), size: z.number(), sha256: z.string() }))
      .openapi({ description: 'Các tệp minh chứng lần chấm dựa vào (mã, chỉ số, tên, kiểu, cỡ, sha256)' }),
    result: AssessmentResultSchema.nullable().openapi({ description: 'Tổng, danh hiệu, xếp loại, lời giải thích; kèm phiên bản bộ tiêu chí (mã băm nội dung)' }),
  })
  .openapi('Assessment');

/** An assessment row in the API's shape. */
export function assessmentOut(x: Assessment): z.infer<typeof AssessmentSchema> {
  const evidence = (x.evidence ?? []).map((e) => ({
    ...(e.id ? { id: e.id } : {}),
    ...(e.indicator ? { indicator: e.indicator } : {}),
    name: e.name,
    mediaType: e.mediaType,
    size: e.size,
    sha256: e.sha256,
  }));
  return { id: x.id, kind: x.kind, assessedBy: x.assessed_by, assessedAt: new Date(x.assessed_at).toISOString(), scores: x.scores, evidence, result: x.result as z.infer<typeof AssessmentResultSchema> | null };
}

/** An evidence file as the API shows it. */
export const EvidenceFileSchema = z
  .object({
    id: z.string(),
    registrationId: z.string(),
    indicator: z.string(),
    name: z.string().openapi({ description: 'Tên tệp (NFC, đã làm sạch)' }),
    mediaType: z.string().openapi({ description: 'Kiểu nhận ra từ nội dung tệp' }),
    size: z.number().int(),
    sha256: z.string(),
    uploadedBy: z.string().nullable(),
    uploadedAt: z.string(),
    url: z.string().openapi({ description: 'Đường dẫn tải về' }),
  })
  .openapi('EvidenceFile');

/** An evidence file row in the API's shape. */
export function evidenceOut(f: EvidenceFileRow): z.infer<typeof EvidenceFileSchema> {
  return {
    id: f.id,
    registrationId: f.registration_id,
    indicator: f.indicator,
    name: f.file_name,
    mediaType: f.media_type,
    size: f.size,
    sha256: f.sha256,
    uploadedBy: f.uploaded_by,
    uploadedAt: new Date(f.created_at).toISOString(),
    url: `/api/evidence/${f.id}`,
  };
}
