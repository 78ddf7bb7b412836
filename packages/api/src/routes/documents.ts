/**
 * Documents served from the platform's data (`@hoctap/documents`): the decision with its annex, the
 * decision's certificates (one PDF, a QR code each), a registration's certificate, score sheets and
 * plugin forms (public, generated from the criteria files), import templates, and the yearly report
 * as xlsx (real formulas) and PDF, built from the same data as `GET /api/reports/campaigns/{id}`.
 *
 * Paths with a file suffix after a parameter (`{id}.xlsx`) are plain Hono routes with a regex
 * parameter, documented in the OpenAPI registry by hand (the zod-openapi path syntax cannot express
 * them); they are mounted before the JSON report route.
 */
import { OpenAPIHono, z, type RouteConfig } from '@hono/zod-openapi';
import { decisionCertificates, decisionDocument, importTemplateOf, localDate, noCertificates, pluginFormOf, registrationCertificate, scoreSheetOf, yearlyReport } from '@hoctap/app';
import { buildImportTemplateXlsx, buildYearlyReportXlsx, renderCertificatesPdf, renderDecisionPdf, renderFormPdf, renderScoreSheetPdf, renderYearlyReportPdf } from '@hoctap/documents';
import { callerOf, depsOf, need, scoped, type AppEnv, type Ctx } from '../context.js';
import { Problem } from '../schemas.js';
import { fileName } from '../views/files.js';
import { certificatesFileName } from '../views/documents.js';
import { security } from './common.js';

const PDF = 'application/pdf';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a file as a download, never cached, never sniffed. */
export function send(c: Ctx, bytes: Buffer, type: string, name: string) {
  return c.body(new Uint8Array(bytes), 200, {
    'content-type': type,
    'content-disposition': `attachment; filename="${name}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
}

const problems = (codes: number[]) => Object.fromEntries(codes.map((s) => [s, { description: 'Lỗi', content: { 'application/problem+json': { schema: Problem } } }]));
const binary = (type: string, description: string) => ({ 200: { description, content: { [type]: { schema: z.string().openapi({ format: 'binary' }) } } } });

/** Documents the hand-made routes in the OpenAPI registry. */
function documented(r: OpenAPIHono<AppEnv>, route: Omit<RouteConfig, 'method'> & { method?: 'get' }) {
  r.openAPIRegistry.registerPath({ method: 'get', ...route } as RouteConfig);
}

const tags = ['Tài liệu'];
const idParams = (...names: string[]) => ({ params: z.object(Object.fromEntries(names.map((n) => [n, z.string().openapi({ param: { name: n, in: 'path' } })]))) });

/** Today in Asia/Ho_Chi_Minh, from the injected clock when there is one. */
const today = (c: Ctx) => localDate(c.get('rt')?.now() ?? c.get('deps').now?.() ?? new Date());

export function documentRoutes() {
  const r = new OpenAPIHono<AppEnv>();

  documented(r, { path: '/api/decisions/{id}/pdf', tags, security, summary: 'Quyết định công nhận (PDF) kèm danh sách', request: idParams('id'), responses: { ...binary(PDF, 'Quyết định'), ...problems([401, 403, 404]) } });
  r.get('/api/decisions/:id/pdf', async (c) => {
    const a = await need(c, 'campaign.read');
    const { decision, document } = await scoped(c, a.scope, (trx) => decisionDocument(depsOf(c), callerOf(c, a), trx, { id: c.req.param('id') }));
    return send(c, await renderDecisionPdf(document), PDF, `quyet-dinh-${fileName(decision.number)}.pdf`);
  });

  documented(r, { path: '/api/decisions/{id}/certificates.pdf', tags, security, summary: 'Mọi giấy công nhận của quyết định trong một tệp PDF, mỗi giấy có mã QR tới trang xác thực công khai', request: idParams('id'), responses: { ...binary(PDF, 'Giấy công nhận'), ...problems([401, 403, 404]) } });
  r.get('/api/decisions/:id/certificates.pdf', async (c) => {
    const a = await need(c, 'campaign.read');
    const { decision, certs } = await scoped(c, a.scope, (trx) => decisionCertificates(depsOf(c), callerOf(c, a), trx, { id: c.req.param('id') }));
    if (certs.length === 0) throw noCertificates();
    return send(c, await renderCertificatesPdf(certs), PDF, certificatesFileName(decision));
  });

  documented(r, { path: '/api/registrations/{id}/certificate.pdf', tags, security, summary: 'Giấy công nhận của một hồ sơ (409 nếu chứng nhận đã bị thu hồi)', request: idParams('id'), responses: { ...binary(PDF, 'Giấy công nhận'), ...problems([401, 403, 404, 409]) } });
  r.get('/api/registrations/:id/certificate.pdf', async (c) => {
    const a = await need(c, 'campaign.read');
    const cert = await scoped(c, a.scope, (trx) => registrationCertificate(depsOf(c), callerOf(c, a), trx, { id: c.req.param('id') }));
    return send(c, await renderCertificatesPdf([cert]), PDF, `giay-cong-nhan-${fileName(cert.name)}.pdf`);
  });

  documented(r, {
    path: '/api/frameworks/{plugin}/{id}/score-sheet.pdf',
    tags,
    summary: 'Phiếu chấm điểm sinh từ tệp tiêu chí (công khai); `?group=` chọn nhóm đối tượng, `?year=`',
    request: { ...idParams('plugin', 'id'), query: z.object({ group: z.string().optional(), year: z.string().optional() }) },
    responses: { ...binary(PDF, 'Phiếu chấm điểm'), ...problems([400, 404]) },
  });
  r.get('/api/frameworks/:plugin/:id/score-sheet.pdf', async (c) => {
    const { model, group } = scoreSheetOf(c.get('deps'), { ref: `${c.req.param('plugin')}/${c.req.param('id')}`, group: c.req.query('group') });
    const year = c.req.query('year') ? z.coerce.number().int().min(2000).max(2200).parse(c.req.query('year')) : undefined;
    const pdf = await renderScoreSheetPdf(model, { ...(group ? { group } : {}), ...(year ? { year } : {}) });
    return send(c, pdf, PDF, `phieu-cham-diem-${fileName(model.id)}${group ? `-${fileName(group)}` : ''}.pdf`);
  });

  documented(r, { path: '/api/frameworks/{plugin}/{id}/forms/{formId}.pdf', tags, summary: 'Biểu mẫu của plugin (phiếu đăng ký, bản cam kết, kế hoạch tự học, biên bản) để in — công khai, để trống', request: idParams('plugin', 'id', 'formId'), responses: { ...binary(PDF, 'Biểu mẫu'), ...problems([404]) } });
  r.get('/api/frameworks/:plugin/:id/forms/:file{[^/]+\\.pdf}', async (c) => {
    const form = pluginFormOf(c.get('deps'), { ref: `${c.req.param('plugin')}/${c.req.param('id')}`, formId: c.req.param('file').replace(/\.pdf$/, '') });
    const pdf = await renderFormPdf(form, { date: today(c), year: Number(today(c).slice(0, 4)) });
    return send(c, pdf, PDF, `${fileName(form.id)}.pdf`);
  });

  documented(r, {
    path: '/api/templates/{kind}.xlsx',
    tags,
    security,
    summary: 'Mẫu nhập liệu Excel: people | households | clans | communities | units (hai trang: các nhóm và thành viên) | scores (scores cần `?framework=plugin/id`)',
    request: { ...idParams('kind'), query: z.object({ framework: z.string().optional() }) },
    responses: { ...binary(XLSX, 'Mẫu Excel'), ...problems([400, 401, 403, 404]) },
  });
  r.get('/api/templates/:file{[^/]+\\.xlsx}', async (c) => {
    await need(c, 'template.read');
    const { kind, model } = importTemplateOf(c.get('deps'), { kind: c.req.param('file').replace(/\.xlsx$/, ''), framework: c.req.query('framework') });
    const xlsx = await buildImportTemplateXlsx(kind, model);
    return send(c, xlsx, XLSX, `mau-${kind}${model ? `-${fileName(model.id)}` : ''}.xlsx`);
  });

  const report = async (c: Ctx, ext: 'xlsx' | 'pdf') => {
    const a = await need(c, 'report.read');
    const id = c.req.param('file')!.replace(/\.(xlsx|pdf)$/, '');
    const kind = z.enum(['registered', 'all']).catch('registered').parse(c.req.query('denominator') ?? 'registered');
    const { data, locality } = await scoped(c, a.scope, (trx) => yearlyReport(depsOf(c), callerOf(c, a), trx, { id, kind }));
    const bytes = ext === 'xlsx' ? await buildYearlyReportXlsx(data) : await renderYearlyReportPdf(data);
    return send(c, bytes, ext === 'xlsx' ? XLSX : PDF, `bao-cao-${data.year}-${fileName(locality)}.${ext}`);
  };
  for (const ext of ['xlsx', 'pdf'] as const) {
    documented(r, {
      path: `/api/reports/campaigns/{id}.${ext}`,
      tags,
      security,
      summary: `Báo cáo năm (${ext === 'xlsx' ? 'Excel, công thức thật' : 'PDF'}) — cùng số liệu với báo cáo JSON; \`?denominator=registered|all\``,
      request: { ...idParams('id'), query: z.object({ denominator: z.enum(['registered', 'all']).optional() }) },
      responses: { ...binary(ext === 'xlsx' ? XLSX : PDF, 'Báo cáo'), ...problems([401, 403, 404]) },
    });
    r.get(`/api/reports/campaigns/:file{[^/]+\\.${ext}}`, (c) => report(c, ext));
  }
  return r;
}
