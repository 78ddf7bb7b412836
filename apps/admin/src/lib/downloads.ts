/**
 * Addresses of the API's generated documents (Excel templates, reports, decisions, certificates,
 * score sheets). The portal links to them with plain `<a href download>`: the API is same-origin,
 * so the session cookie goes along and the browser saves the file under the server's name.
 */
import type { Denominator } from '../api/client.ts';

const enc = encodeURIComponent;

export type TemplateKind = 'people' | 'households' | 'clans' | 'communities' | 'units' | 'scores';

export const downloads = {
  /** `GET /api/templates/{kind}.xlsx`; the score template needs the framework (`plugin/id`). */
  template: (kind: TemplateKind, framework?: string): string => `/api/templates/${kind}.xlsx${kind === 'scores' && framework ? `?framework=${enc(framework)}` : ''}`,
  /** `GET /api/reports/campaigns/{id}.xlsx|.pdf`, optionally with the denominator (`registered` is the server's default). */
  yearlyReport: (campaignId: string, format: 'xlsx' | 'pdf', denominator?: Denominator): string =>
    `/api/reports/campaigns/${enc(campaignId)}.${format}${denominator && denominator !== 'registered' ? `?denominator=${denominator}` : ''}`,
  /** `GET /api/decisions/{id}/pdf`: the decision with its annex. */
  decisionPdf: (decisionId: string): string => `/api/decisions/${enc(decisionId)}/pdf`,
  /** `GET /api/decisions/{id}/certificates.pdf`: every unrevoked certificate of the decision. */
  certificatesPdf: (decisionId: string): string => `/api/decisions/${enc(decisionId)}/certificates.pdf`,
  /** `GET /api/jobs/{id}/file`: the file a background job made (the certificates PDF). */
  jobFile: (jobId: string): string => `/api/jobs/${enc(jobId)}/file`,
  /** `GET /api/frameworks/{plugin}/{id}/score-sheet.pdf`, optionally for one target group. */
  scoreSheetPdf: (plugin: string, id: string, group?: string): string => `/api/frameworks/${enc(plugin)}/${enc(id)}/score-sheet.pdf${group ? `?group=${enc(group)}` : ''}`,
};
