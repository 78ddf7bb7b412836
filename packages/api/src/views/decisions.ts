/** The response shapes of decisions: one decision, and a listed decision with its campaign, counts and document links. */
import { z } from '@hono/zod-openapi';
import type { Decision, DecisionListItem } from '@hoctap/db';

/** A decision as the API returns it. */
export const DecisionSchema = z
  .object({
    id: z.string(),
    campaignId: z.string(),
    province: z.string(),
    commune: z.string().nullable(),
    number: z.string(),
    decidedOn: z.string(),
    signer: z.string(),
    proposerId: z.string(),
    approverId: z.string(),
    recognised: z.array(z.string()),
    notRecognised: z.array(z.string()).openapi({ description: 'Các hồ sơ quyết định không công nhận' }),
  })
  .openapi('Decision');

/** A decision in a list: its campaign's title and year, how many it recognised, and where its documents are. */
export const DecisionListItemSchema = DecisionSchema.extend({
  title: z.string().openapi({ description: 'Mã danh hiệu của đợt, ví dụ learning-citizen' }),
  campaignName: z.string().openapi({ description: 'Tên đợt' }),
  year: z.number().int(),
  recognisedCount: z.number().int(),
  notRecognisedCount: z.number().int(),
  subjectCount: z.number().int().openapi({ description: 'Số hồ sơ quyết định xét: công nhận và không công nhận' }),
  links: z.object({
    decisionPdf: z.string(),
    certificatesPdf: z.string().nullable().openapi({ description: 'Tất cả giấy công nhận của quyết định; null khi không công nhận ai' }),
    certificates: z
      .array(
        z.object({
          registrationId: z.string(),
          pdf: z.string(),
          credentialId: z.string().nullable().openapi({ description: 'Mã chứng nhận (Open Badges) của hồ sơ; dùng để thu hồi' }),
          verifyUrl: z.string().nullable(),
          revokedAt: z.string().nullable().openapi({ description: 'Thời điểm thu hồi; null khi còn hiệu lực' }),
        }),
      )
      .openapi({ description: 'Giấy công nhận của từng hồ sơ, in lại được bất cứ lúc nào' }),
  }),
}).openapi('DecisionListItem');

/** A decision in the API's shape, with the registrations it recognised. */
export function decisionOut(d: Decision, recognised: string[]): z.infer<typeof DecisionSchema> {
  return { id: d.id, campaignId: d.campaign_id, province: d.province_code, commune: d.commune_code, number: d.number, decidedOn: d.decided_on, signer: d.signer, proposerId: d.proposer_id, approverId: d.approver_id, recognised, notRecognised: [...(d.not_recognised ?? [])].sort() };
}

/** A listed decision in the API's shape, with the links of its PDFs and of each credential's public page (`verifyUrl` of a credential id). */
export function decisionListItemOut(d: DecisionListItem, verifyUrl: (credentialId: string) => string): z.infer<typeof DecisionListItemSchema> {
  const cred = new Map(d.credentials.map((c) => [c.registrationId, c]));
  return {
    ...decisionOut(d, d.recognised),
    title: d.title,
    campaignName: d.campaign_name,
    year: d.year,
    recognisedCount: d.recognised.length,
    notRecognisedCount: d.not_recognised.length,
    subjectCount: d.recognised.length + d.not_recognised.length,
    links: {
      decisionPdf: `/api/decisions/${d.id}/pdf`,
      certificatesPdf: d.recognised.length > 0 ? `/api/decisions/${d.id}/certificates.pdf` : null,
      certificates: d.recognised.map((r) => {
        const c = cred.get(r);
        return { registrationId: r, pdf: `/api/registrations/${r}/certificate.pdf`, credentialId: c?.id ?? null, verifyUrl: c ? verifyUrl(c.id) : null, revokedAt: c?.revokedAt ? c.revokedAt.toISOString() : null };
      }),
    },
  };
}
