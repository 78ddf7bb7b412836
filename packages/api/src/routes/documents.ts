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
import type { Model, Registry } from '@hoctap/core';
import {
  assessmentsOf,
  credentialsOfDecision,
  credentialsOfRegistration,
  getDecision,
  getPerson,
  getRegistration,
  type Database,
} from '@hoctap/db';
import {
  buildImportTemplateXlsx,
  buildYearlyReportXlsx,
  renderCertificatesPdf,
  renderDecisionPdf,
  renderFormPdf,
  renderScoreSheetPdf,
  renderYearlyReportPdf,
  type CertificateInput,
  type YearlyReportData,
} from '@hoctap/documents';
import type { Transaction } from 'kysely';
import { idOr404, localDate, modelOf, need, notFound, readable, runtime, scoped, type AppEnv, type Ctx, type Runtime } from '../context.js';
import { issuingBody, localityNames, originOf, signerOf } from '../credentials.js';
import { ApiProblem } from '../problem.js';
import { Problem } from '../schemas.js';
import { campaignReport } from '../views/reports.js';
import { loadCampaign } from '@hoctap/app';
import { security } from './common.js';

const PDF = 'application/pdf';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** ASCII file name (folded Vietnamese, safe characters) for Content-Disposition. */
export function fileName(base: string): string {
  return (
    base
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
      .replace(/[^A-Za-z0-9.-]+/g, '-')
      .replace(/-+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'tai-lieu'
  );
}

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

interface DecisionData {
  decision: NonNullable<Awaited<ReturnType<typeof getDecision>>>;
  model: Model;
  names: { province: string; commune: string | null };
  entries: { registrationId: string; name: string; village: string | null; sex: 'male' | 'female' | null; total?: number; credentialId?: string; revoked: boolean }[];
  title: string;
  year: number;
}

/** What rendering a decision's documents needs of the runtime (the app's, or the job worker's). */
export type DocumentRuntime = Pick<Runtime, 'cipher' | 'models' | 'publicUrl'>;

/** A decision visible to the caller, with its recognised people (names, villages, totals) and credentials. */
async function decisionData(registry: Registry, rt: DocumentRuntime, trx: Transaction<Database>, scope: Parameters<typeof readable>[0], id: string): Promise<DecisionData> {
  const decision = readable(scope, await getDecision(trx, id), 'decision');
  const { campaign, framework } = await loadCampaign(trx, scope, decision.campaign_id);
  const { model } = modelOf(rt, registry, framework);
  const creds = new Map((await credentialsOfDecision(trx, decision.id)).map((x) => [x.registration_id, x]));
  const entries: DecisionData['entries'] = [];
  let title: string | undefined;
  for (const rid of decision.registrations) {
    const reg = await getRegistration(trx, rid);
    if (!reg) continue; // outside a commune caller's communes: not theirs to print
    const person = reg.subject_kind === 'person' ? await getPerson(trx, rt.cipher, reg.subject_id) : undefined;
    const committee = (await assessmentsOf(trx, rid)).filter((x) => x.kind === 'committee').at(-1);
    const res = (committee?.result ?? {}) as { total?: number; titles?: string[] };
    title ??= res.titles?.[0];
    const cred = creds.get(rid);
    entries.push({
      registrationId: rid,
      name: person?.full_name ?? '',
      village: person?.village ?? null,
      sex: person?.sex ?? null,
      ...(res.total !== undefined ? { total: res.total } : {}),
      ...(cred ? { credentialId: cred.id } : {}),
      revoked: !!cred?.revoked_at,
    });
  }
  entries.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  const names = await localityNames(trx, registry, decision.province_code, decision.commune_code);
  return { decision, model, names, entries, title: title ?? model.titles[0]?.name ?? campaign.title, year: campaign.year };
}

const placeOf = (names: DecisionData['names']) => (names.commune ?? names.province).replace(/^(tỉnh|thành phố|xã|phường|thị trấn|đặc khu)\s+/iu, '');

function certificatesOf(rt: DocumentRuntime, d: DecisionData, only?: string): CertificateInput[] {
  const issuer = issuingBody(d.names);
  return d.entries
    .filter((e) => e.credentialId && !e.revoked && (only === undefined || e.registrationId === only))
    .map((e) => ({
      issuer,
      title: d.title,
      year: d.year,
      honorific: e.sex === 'female' ? 'Bà' : e.sex === 'male' ? 'Ông' : '',
      name: e.name,
      ...(e.village ? { address: `${e.village}, ${d.names.commune ?? d.names.province}` } : {}),
      decision: { number: d.decision.number, date: d.decision.decided_on, by: issuer.nameInText },
      place: placeOf(d.names),
      date: d.decision.decided_on,
      signer: signerOf(d.decision.signer),
      credentialId: e.credentialId!,
      baseUrl: originOf(rt),
    }));
}

/**
 * The certificates of a decision visible to the caller (valid credentials only) and the PDF's file
 * name: what `GET /api/decisions/{id}/certificates.pdf` and the certificates job render.
 */
export async function decisionCertificates(registry: Registry, rt: DocumentRuntime, trx: Transaction<Database>, scope: Parameters<typeof readable>[0], id: string): Promise<{ decision: DecisionData['decision']; certs: CertificateInput[]; fileName: string }> {
  const d = await decisionData(registry, rt, trx, scope, id);
  return { decision: d.decision, certs: certificatesOf(rt, d), fileName: `giay-cong-nhan-${fileName(d.decision.number)}.pdf` };
}

/** The 404 of a decision without a valid certificate. */
export const noCertificates = () => new ApiProblem(404, 'CREDENTIAL_NOT_FOUND', 'Quyết định không có giấy công nhận nào còn hiệu lực', 'The decision has no valid certificate');

const YEARLY_DENOMINATOR = { registered: 'số hồ sơ đã đăng ký trong đợt (trừ hồ sơ đã rút)', all: 'toàn bộ người dân có trong dữ liệu của địa bàn đợt đánh giá' };

export function documentRoutes() {
  const r = new OpenAPIHono<AppEnv>();

  documented(r, { path: '/api/decisions/{id}/pdf', tags, security, summary: 'Quyết định công nhận (PDF) kèm danh sách', request: idParams('id'), responses: { ...binary(PDF, 'Quyết định'), ...problems([401, 403, 404]) } });
  r.get('/api/decisions/:id/pdf', async (c) => {
    const a = await need(c, 'campaign.read');
    const rt = runtime(c);
    const id = idOr404(c.req.param('id'), 'decision');
    const d = await scoped(c, a.scope, (trx) => decisionData(c.get('deps').registry, rt, trx, a.scope, id));
    const pdf = await renderDecisionPdf({
      issuer: issuingBody(d.names),
      number: d.decision.number,
      place: placeOf(d.names),
      date: d.decision.decided_on,
      authority: `CHỦ TỊCH ỦY BAN NHÂN DÂN ${(d.names.commune ?? d.names.province).toLocaleUpperCase('vi')}`,
      title: d.title,
      year: d.year,
      subjectNoun: 'cá nhân',
      bases: d.model.bases,
      recognised: d.entries.map((e) => ({ name: e.name, ...(e.village ? { address: e.village } : {}), ...(e.total !== undefined ? { total: e.total } : {}) })),
      executors: ['Văn phòng Ủy ban nhân dân', 'Hội Khuyến học'],
      signer: signerOf(d.decision.signer),
      recipients: ['Như Điều 3'],
      addressHeader: 'Thôn, tổ dân phố / đơn vị',
    });
    return send(c, pdf, PDF, `quyet-dinh-${fileName(d.decision.number)}.pdf`);
  });

  documented(r, { path: '/api/decisions/{id}/certificates.pdf', tags, security, summary: 'Mọi giấy công nhận của quyết định trong một tệp PDF, mỗi giấy có mã QR tới trang xác thực công khai', request: idParams('id'), responses: { ...binary(PDF, 'Giấy công nhận'), ...problems([401, 403, 404]) } });
  r.get('/api/decisions/:id/certificates.pdf', async (c) => {
    const a = await need(c, 'campaign.read');
    const rt = runtime(c);
    const id = idOr404(c.req.param('id'), 'decision');
    const { certs, fileName: name } = await scoped(c, a.scope, (trx) => decisionCertificates(c.get('deps').registry, rt, trx, a.scope, id));
    if (certs.length === 0) throw noCertificates();
    return send(c, await renderCertificatesPdf(certs), PDF, name);
  });

  documented(r, { path: '/api/registrations/{id}/certificate.pdf', tags, security, summary: 'Giấy công nhận của một hồ sơ (409 nếu chứng nhận đã bị thu hồi)', request: idParams('id'), responses: { ...binary(PDF, 'Giấy công nhận'), ...problems([401, 403, 404, 409]) } });
  r.get('/api/registrations/:id/certificate.pdf', async (c) => {
    const a = await need(c, 'campaign.read');
    const rt = runtime(c);
    const id = idOr404(c.req.param('id'), 'registration');
    const { d, revoked } = await scoped(c, a.scope, async (trx) => {
      readable(a.scope, await getRegistration(trx, id), 'registration');
      const cred = (await credentialsOfRegistration(trx, id))[0];
      if (!cred) throw notFound('credential');
      return { d: await decisionData(c.get('deps').registry, rt, trx, a.scope, cred.decision_id), revoked: !!cred.revoked_at };
    });
    if (revoked) throw new ApiProblem(409, 'CREDENTIAL_REVOKED', 'Chứng nhận của hồ sơ này đã bị thu hồi', 'This registration’s credential has been revoked');
    const certs = certificatesOf(rt, d, id);
    if (certs.length === 0) throw notFound('credential');
    return send(c, await renderCertificatesPdf(certs), PDF, `giay-cong-nhan-${fileName(certs[0]!.name)}.pdf`);
  });

  documented(r, {
    path: '/api/frameworks/{plugin}/{id}/score-sheet.pdf',
    tags,
    summary: 'Phiếu chấm điểm sinh từ tệp tiêu chí (công khai); `?group=` chọn nhóm đối tượng, `?year=`',
    request: { ...idParams('plugin', 'id'), query: z.object({ group: z.string().optional(), year: z.string().optional() }) },
    responses: { ...binary(PDF, 'Phiếu chấm điểm'), ...problems([400, 404]) },
  });
  r.get('/api/frameworks/:plugin/:id/score-sheet.pdf', async (c) => {
    const f = c.get('deps').registry.get(`${c.req.param('plugin')}/${c.req.param('id')}`);
    const group = c.req.query('group') || undefined;
    if (group !== undefined && !f.model.groups.some((g) => g.id === group))
      throw new ApiProblem(400, 'GROUP_UNKNOWN', `Bộ tiêu chí không có nhóm đối tượng “${group}”`, `The framework has no target group “${group}”`);
    const year = c.req.query('year') ? z.coerce.number().int().min(2000).max(2200).parse(c.req.query('year')) : undefined;
    const pdf = await renderScoreSheetPdf(f.model, { ...(group ? { group } : {}), ...(year ? { year } : {}) });
    return send(c, pdf, PDF, `phieu-cham-diem-${fileName(f.model.id)}${group ? `-${fileName(group)}` : ''}.pdf`);
  });

  documented(r, { path: '/api/frameworks/{plugin}/{id}/forms/{formId}.pdf', tags, summary: 'Biểu mẫu của plugin (phiếu đăng ký, bản cam kết, kế hoạch tự học, biên bản) để in — công khai, để trống', request: idParams('plugin', 'id', 'formId'), responses: { ...binary(PDF, 'Biểu mẫu'), ...problems([404]) } });
  r.get('/api/frameworks/:plugin/:id/forms/:file{[^/]+\\.pdf}', async (c) => {
    const f = c.get('deps').registry.get(`${c.req.param('plugin')}/${c.req.param('id')}`);
    const formId = c.req.param('file').replace(/\.pdf$/, '');
    const plugin = c.get('deps').registry.plugins.find((p) => p.id === f.plugin);
    const form = plugin?.forms?.find((x) => x.id === formId && (x.framework === undefined || x.framework === f.model.id));
    if (!form) throw new ApiProblem(404, 'FORM_NOT_FOUND', `Bộ tiêu chí không có biểu mẫu “${formId}”`, `The framework has no form “${formId}”`);
    const pdf = await renderFormPdf(form, { date: today(c), year: Number(today(c).slice(0, 4)) });
    return send(c, pdf, PDF, `${fileName(form.id)}.pdf`);
  });

  documented(r, {
    path: '/api/templates/{kind}.xlsx',
    tags,
    security,
    summary: 'Mẫu nhập liệu Excel: people | households | scores (scores cần `?framework=plugin/id`)',
    request: { ...idParams('kind'), query: z.object({ framework: z.string().optional() }) },
    responses: { ...binary(XLSX, 'Mẫu Excel'), ...problems([400, 401, 403, 404]) },
  });
  r.get('/api/templates/:file{[^/]+\\.xlsx}', async (c) => {
    await need(c, 'template.read');
    const kind = c.req.param('file').replace(/\.xlsx$/, '');
    if (kind !== 'people' && kind !== 'households' && kind !== 'scores')
      throw new ApiProblem(404, 'TEMPLATE_NOT_FOUND', `Không có mẫu “${kind}” (people, households, scores)`, `No template “${kind}” (people, households, scores)`);
    const ref = c.req.query('framework');
    if (kind === 'scores' && !ref) throw new ApiProblem(400, 'FRAMEWORK_REQUIRED', 'Mẫu nhập điểm cần tham số `framework` (plugin/id)', 'The scores template needs `framework` (plugin/id)');
    const model = ref ? c.get('deps').registry.get(ref).model : undefined;
    const xlsx = await buildImportTemplateXlsx(kind, model);
    return send(c, xlsx, XLSX, `mau-${kind}${model ? `-${fileName(model.id)}` : ''}.xlsx`);
  });

  const report = async (c: Ctx, ext: 'xlsx' | 'pdf') => {
    const a = await need(c, 'report.read');
    const id = idOr404(c.req.param('file')!.replace(/\.(xlsx|pdf)$/, ''), 'campaign');
    const kind = z.enum(['registered', 'all']).catch('registered').parse(c.req.query('denominator') ?? 'registered');
    const out = await campaignReport(c, a.scope, id, kind);
    const rt = runtime(c);
    const names = await scoped(c, a.scope, (trx) => localityNames(trx, c.get('deps').registry, out.campaign.province_code, out.campaign.commune_code));
    const locality = names.commune ?? names.province;
    const targetOf = (title: string) => out.report.targets.find((t) => t.text.includes(title))?.required ?? out.report.targets[0]?.required;
    const groupName = (g: string) => out.model.groups.find((x) => x.id === g)?.name ?? g;
    const titleNames = out.model.titles.map((t) => t.name);
    const rows: YearlyReportData['rows'][number][] = [];
    for (const title of titleNames.length ? titleNames : [out.campaign.title]) {
      const recognisedInTitle = out.report.titles.find((t) => t.key === title)?.count ?? 0;
      const target = targetOf(title);
      if (out.model.groups.length && kind === 'registered' && out.report.groups.length) {
        for (const g of out.model.groups) {
          const registered = out.registeredByGroup.get(g.id) ?? 0;
          const recognised = out.report.groups.find((x) => x.key === g.id)?.count ?? 0;
          if (!registered && !recognised) continue;
          rows.push({ locality, title, group: groupName(g.id), registered, recognised: titleNames.length > 1 ? Math.min(recognised, recognisedInTitle) : recognised, denominator: registered, ...(target !== undefined ? { target } : {}) });
        }
      } else {
        rows.push({ locality, title, registered: out.registered, recognised: recognisedInTitle, denominator: out.report.denominator.count, ...(target !== undefined ? { target } : {}) });
      }
    }
    const data: YearlyReportData = {
      year: out.report.year,
      reportingBody: `Ủy ban nhân dân ${locality}`,
      recipient: names.commune ? `Hội Khuyến học, Ủy ban nhân dân ${names.province}` : 'Hội Khuyến học Việt Nam',
      date: localDate(rt.now()),
      denominatorNote: YEARLY_DENOMINATOR[kind],
      rows,
      issuer: issuingBody(names),
      place: placeOf(names),
    };
    const bytes = ext === 'xlsx' ? await buildYearlyReportXlsx(data) : await renderYearlyReportPdf(data);
    return send(c, bytes, ext === 'xlsx' ? XLSX : PDF, `bao-cao-${out.report.year}-${fileName(locality)}.${ext}`);
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
