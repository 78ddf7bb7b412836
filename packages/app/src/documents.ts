/**
 * What the platform's documents are printed from: a decision with its recognised people and
 * credentials (the decision PDF, the certificates), a registration's certificate, the yearly
 * report's rows. Rendering and the HTTP answer stay with the door (the API's routes, the job).
 */
import type { Model, PluginForm } from '@hoctap/core';
import { assessmentsOf, campaignSubjects, credentialsOfDecision, credentialsOfRegistration, getDecision, getRegistration, type Decision, type SubjectKind } from '@hoctap/db';
import type { CertificateInput, DecisionInput, YearlyReportData, YearlyReportSubject } from '@hoctap/documents';
import { loadCampaign, subjectKindOf } from './campaigns.js';
import { issuingBody, localityNames, originOf, signerOf } from './credentials.js';
import { campaignReport } from './decisions.js';
import { localDate, type Caller, type Deps, type Trx } from './deps.js';
import { AppError, notFound } from './errors.js';
import { modelOf } from './models.js';
import { checkId, readable } from './scope.js';
import { registerOrder } from './registers.js';
import { HEAD_NAMES, SUBJECT_NOUNS, subjectRecord } from './subjects.js';
import { STATE_NAMES_VI, type State } from './workflow.js';

/** What a decision's documents need: the registry, the citizen-id cipher, the models, the public origin. */
export type DocumentDeps = Pick<Deps, 'registry' | 'cipher' | 'models' | 'publicUrl'>;

/** A decision with what its documents print. */
export interface DecisionData {
  decision: Decision;
  model: Model;
  names: { province: string; commune: string | null };
  entries: { registrationId: string; kind: SubjectKind; name: string; village: string | null; sex: 'male' | 'female' | null; representative: { name: string; role: string } | null; total?: number; credentialId?: string; revoked: boolean }[];
  title: string;
  year: number;
}

/** A decision visible to the caller, with its recognised people (names, villages, totals) and credentials. */
export async function decisionData(deps: DocumentDeps, caller: Caller, trx: Trx, input: { id: string }): Promise<DecisionData> {
  const decision = readable(caller.scope, await getDecision(trx, checkId(input.id, 'decision')), 'decision');
  const { campaign, framework } = await loadCampaign(trx, caller.scope, decision.campaign_id);
  const { model } = modelOf(deps, framework);
  const creds = new Map((await credentialsOfDecision(trx, decision.id)).map((x) => [x.registration_id, x]));
  const entries: DecisionData['entries'] = [];
  let title: string | undefined;
  for (const rid of decision.registrations) {
    const reg = await getRegistration(trx, rid);
    if (!reg) continue; // outside a commune caller's communes: not theirs to print
    const person = await subjectRecord(deps, trx, reg, decision.decided_on);
    const committee = (await assessmentsOf(trx, rid)).filter((x) => x.kind === 'committee').at(-1);
    const res = (committee?.result ?? {}) as { total?: number; titles?: string[] };
    title ??= res.titles?.[0];
    const cred = creds.get(rid);
    entries.push({
      registrationId: rid,
      kind: reg.subject_kind,
      name: person?.full_name ?? '',
      representative: person?.representative ?? null,
      village: person?.village ?? null,
      sex: person?.sex ?? null,
      ...(res.total !== undefined ? { total: res.total } : {}),
      ...(cred ? { credentialId: cred.id } : {}),
      revoked: !!cred?.revoked_at,
    });
  }
  entries.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  const names = await localityNames(trx, deps.registry, decision.province_code, decision.commune_code);
  return { decision, model, names, entries, title: title ?? model.titles[0]?.name ?? campaign.title, year: campaign.year };
}

/** The place name printed beside the date ("Phú Thọ", not "tỉnh Phú Thọ"). */
export const placeOf = (names: { province: string; commune: string | null }): string => (names.commune ?? names.province).replace(/^(tỉnh|thành phố|xã|phường|thị trấn|đặc khu)\s+/iu, '');

/** The decision PDF's content (the decision with its annex) of a decision visible to the caller. */
export async function decisionDocument(deps: DocumentDeps, caller: Caller, trx: Trx, input: { id: string }): Promise<{ decision: Decision; document: DecisionInput }> {
  const d = await decisionData(deps, caller, trx, input);
  return {
    decision: d.decision,
    document: {
      issuer: issuingBody(d.names),
      number: d.decision.number,
      place: placeOf(d.names),
      date: d.decision.decided_on,
      authority: `CHỦ TỊCH ỦY BAN NHÂN DÂN ${(d.names.commune ?? d.names.province).toLocaleUpperCase('vi')}`,
      title: d.title,
      year: d.year,
      subjectNoun: SUBJECT_NOUNS[subjectKindOf(d.model.subject).kind],
      bases: d.model.bases,
      recognised: d.entries.map((e) => ({
        name: e.representative ? `${e.name} (${e.representative.role.toLocaleLowerCase('vi')}: ${e.representative.name})` : e.name,
        ...(e.village ? { address: e.village } : {}),
        ...(e.total !== undefined ? { total: e.total } : {}),
      })),
      executors: ['Văn phòng Ủy ban nhân dân', 'Hội Khuyến học'],
      signer: signerOf(d.decision.signer),
      recipients: ['Như Điều 3'],
      addressHeader: 'Thôn, tổ dân phố / đơn vị',
    },
  };
}

function certificatesOf(deps: Pick<Deps, 'publicUrl'>, d: DecisionData, only?: string): CertificateInput[] {
  const issuer = issuingBody(d.names);
  return d.entries
    .filter((e) => e.credentialId && !e.revoked && (only === undefined || e.registrationId === only))
    .map((e) => ({
      issuer,
      title: d.title,
      year: d.year,
      honorific: e.kind !== 'person' ? '' : e.sex === 'female' ? 'Bà' : e.sex === 'male' ? 'Ông' : '',
      name: e.name,
      ...(e.representative ? { representative: `${e.representative.role}: ${e.representative.name}` } : {}),
      ...(e.village ? { address: `${e.village}, ${d.names.commune ?? d.names.province}` } : {}),
      decision: { number: d.decision.number, date: d.decision.decided_on, by: issuer.nameInText },
      place: placeOf(d.names),
      date: d.decision.decided_on,
      signer: signerOf(d.decision.signer),
      credentialId: e.credentialId!,
      baseUrl: originOf(deps),
    }));
}

/** The error of a decision without a valid certificate. */
export const noCertificates = (): AppError => new AppError('not-found', 'CREDENTIAL_NOT_FOUND', 'Quyết định không có giấy công nhận nào còn hiệu lực', 'The decision has no valid certificate');

/**
 * The certificates (valid credentials only) of a decision visible to the caller: what the
 * certificates PDF and the certificates job render. An empty list is the caller's to refuse.
 */
export async function decisionCertificates(deps: DocumentDeps, caller: Caller, trx: Trx, input: { id: string }): Promise<{ decision: Decision; certs: CertificateInput[] }> {
  const d = await decisionData(deps, caller, trx, input);
  return { decision: d.decision, certs: certificatesOf(deps, d) };
}

/** The certificate of one registration visible to the caller; `conflict` when its credential was revoked. */
export async function registrationCertificate(deps: DocumentDeps, caller: Caller, trx: Trx, input: { id: string }): Promise<CertificateInput> {
  const id = checkId(input.id, 'registration');
  readable(caller.scope, await getRegistration(trx, id), 'registration');
  const cred = (await credentialsOfRegistration(trx, id))[0];
  if (!cred) throw notFound('credential');
  const d = await decisionData(deps, caller, trx, { id: cred.decision_id });
  if (cred.revoked_at) throw new AppError('conflict', 'CREDENTIAL_REVOKED', 'Chứng nhận của hồ sơ này đã bị thu hồi', 'This registration’s credential has been revoked');
  const cert = certificatesOf(deps, d, id)[0];
  if (!cert) throw notFound('credential');
  return cert;
}

const YEARLY_DENOMINATOR = { registered: 'số hồ sơ đã đăng ký trong đợt (trừ hồ sơ đã rút)', all: 'toàn bộ người dân có trong dữ liệu của địa bàn đợt đánh giá' };

/** The yearly report of a campaign visible to the caller (the same figures as the JSON report), and the locality it is for. */
export async function yearlyReport(deps: Pick<Deps, 'models' | 'registry' | 'now'>, caller: Caller, trx: Trx, input: { id: string; kind: 'registered' | 'all' }): Promise<{ data: YearlyReportData; locality: string }> {
  const { kind } = input;
  const out = await campaignReport(deps, caller, trx, input);
  const names = await localityNames(trx, deps.registry, out.campaign.province_code, out.campaign.commune_code);
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
  // The registered subjects one by one: a person by name, a group by its name and representative.
  const today = localDate(deps.now());
  const yearEnd = `${out.campaign.year}-12-31`;
  const listed = await campaignSubjects(trx, out.campaign.id, today < yearEnd ? today : yearEnd);
  const subjects: YearlyReportSubject[] = listed
    .map((x) => ({
      kind: x.subject_kind,
      name: x.name ?? '',
      ...(x.subject_kind !== 'person' && x.representative ? { representative: `${HEAD_NAMES[x.subject_kind]}: ${x.representative}` } : {}),
      ...(x.village ? { village: x.village } : {}),
      ...(x.commune_name ? { commune: x.commune_name } : {}),
      ...(x.total !== null ? { total: x.total } : {}),
      result: yearlyResult(x),
    }))
    .sort((a, b) => registerOrder(a, b) || (a.commune ?? '').localeCompare(b.commune ?? '', 'vi'));
  return {
    locality,
    data: {
      subjects,
      year: out.report.year,
      reportingBody: `Ủy ban nhân dân ${locality}`,
      recipient: names.commune ? `Hội Khuyến học, Ủy ban nhân dân ${names.province}` : 'Hội Khuyến học Việt Nam',
      date: localDate(deps.now()),
      denominatorNote: YEARLY_DENOMINATOR[kind],
      rows,
      issuer: issuingBody(names),
      place: placeOf(names),
    },
  };
}

/** A registration's result as the yearly report's list prints it. */
function yearlyResult(x: { status: string; titles: readonly string[]; revoked: boolean }): string {
  if (x.revoked) return 'Đã thu hồi công nhận';
  if (x.status === 'recognised' || x.status === 'published') return x.titles.length ? `Được công nhận: ${x.titles.join(', ')}` : 'Được công nhận';
  if (x.status === 'not-recognised') return 'Không được công nhận';
  return `Chưa có quyết định (${STATE_NAMES_VI[x.status as State] ?? x.status})`;
}

/** A framework's score sheet to print (public): the model, the target group if one is named (`invalid` when unknown). */
export function scoreSheetOf(deps: Pick<Deps, 'registry'>, input: { ref: string; group?: string | undefined }): { model: Model; group: string | undefined } {
  const f = deps.registry.get(input.ref);
  const group = input.group || undefined;
  if (group !== undefined && !f.model.groups.some((g) => g.id === group))
    throw new AppError('invalid', 'GROUP_UNKNOWN', `Bộ tiêu chí không có nhóm đối tượng “${group}”`, `The framework has no target group “${group}”`);
  return { model: f.model, group };
}

/** A plugin's blank form for a framework (public); `not-found` when the plugin has no such form for it. */
export function pluginFormOf(deps: Pick<Deps, 'registry'>, input: { ref: string; formId: string }): PluginForm {
  const f = deps.registry.get(input.ref);
  const plugin = deps.registry.plugins.find((p) => p.id === f.plugin);
  const form = plugin?.forms?.find((x) => x.id === input.formId && (x.framework === undefined || x.framework === f.model.id));
  if (!form) throw new AppError('not-found', 'FORM_NOT_FOUND', `Bộ tiêu chí không có biểu mẫu “${input.formId}”`, `The framework has no form “${input.formId}”`);
  return form;
}

/** The kinds of import template. */
export type TemplateKind = 'people' | 'households' | 'clans' | 'communities' | 'units' | 'scores';
const TEMPLATE_KINDS: readonly TemplateKind[] = ['people', 'households', 'clans', 'communities', 'units', 'scores'];

/** Which import template to build: people, households, clans, communities, units, or a framework's scores (which needs `framework`). */
export function importTemplateOf(deps: Pick<Deps, 'registry'>, input: { kind: string; framework?: string | undefined }): { kind: TemplateKind; model: Model | undefined } {
  const kind = TEMPLATE_KINDS.find((k) => k === input.kind);
  if (!kind)
    throw new AppError('not-found', 'TEMPLATE_NOT_FOUND', `Không có mẫu “${input.kind}” (${TEMPLATE_KINDS.join(', ')})`, `No template “${input.kind}” (${TEMPLATE_KINDS.join(', ')})`);
  if (kind === 'scores' && !input.framework) throw new AppError('invalid', 'FRAMEWORK_REQUIRED', 'Mẫu nhập điểm cần tham số `framework` (plugin/id)', 'The scores template needs `framework` (plugin/id)');
  return { kind, model: input.framework ? deps.registry.get(input.framework).model : undefined };
}
