/**
 * Evidence files of a registration: added while the registration can still be self-assessed, the
 * type detected from the bytes, stored with its audit entry; read by anyone who may read the
 * registration (the download is audited too); removed before the registration is submitted.
 */
import {
  appendAudit,
  assessmentsOf,
  deleteEvidenceFile,
  EVIDENCE_TYPES,
  evidenceFilesOf,
  getEvidenceFile,
  getRegistration,
  insertEvidenceFile,
  MAX_EVIDENCE_BYTES,
  readEvidenceContent,
  sniffEvidenceType,
  type Database,
  type EvidenceFileRow,
  type Registration,
} from '@hoctap/db';
import type { Kysely } from 'kysely';
import { actorOf, loadCampaign } from './campaigns.js';
import { auditEntry, type Caller, type Deps, type Trx } from './deps.js';
import { AppError } from './errors.js';
import { modelOf } from './models.js';
import { checkId, readable, writable } from './scope.js';
import { STATE_NAMES_VI, transition, type State } from './workflow.js';

/** Files per registration. */
export const MAX_EVIDENCE_FILES = 200;

/** The refusal of a file over 10 MB (`EVIDENCE_TOO_LARGE`, 413). */
export const evidenceTooLarge = (): AppError =>
  new AppError('too-large', 'EVIDENCE_TOO_LARGE', 'Tệp minh chứng quá lớn: tối đa 10 MB mỗi tệp', 'The evidence file is too large: 10 MB per file at most', { limit: MAX_EVIDENCE_BYTES });

/** A conflict unless files may still change: the registration can still be self-assessed (before submission, or returned). */
function assertOpen(reg: Registration): void {
  if (transition('self-assess', reg.status)) return;
  throw new AppError(
    'conflict',
    'EVIDENCE_CLOSED',
    `Hồ sơ ${STATE_NAMES_VI[reg.status as State] ?? reg.status}: chỉ thêm hoặc gỡ minh chứng khi hồ sơ còn tự đánh giá được`,
    `The registration is ${reg.status}: evidence can only change while it can still be self-assessed`,
    { state: reg.status },
  );
}

/**
 * A conflict when the registration's files are not those its latest self-assessment rests on (a
 * file was added or removed since): the self-assessment must be saved again before submitting.
 */
export async function assertEvidenceAsAssessed(trx: Kysely<Database>, reg: Registration): Promise<void> {
  const self = (await assessmentsOf(trx, reg.id)).filter((x) => x.kind === 'self').at(-1);
  if (!self) return;
  const assessed = new Set((self.evidence ?? []).flatMap((e) => (e.id ? [e.id] : [])));
  const current = new Set((await evidenceFilesOf(trx, reg.id)).map((f) => f.id));
  if (assessed.size === current.size && [...current].every((x) => assessed.has(x))) return;
  throw new AppError(
    'conflict',
    'EVIDENCE_CHANGED',
    'Tệp minh chứng đã thay đổi sau lần tự đánh giá: hãy lưu lại phần tự đánh giá rồi nộp hồ sơ',
    'The evidence files changed after the self-assessment: save the self-assessment again, then submit',
  );
}

/** An uploaded file: the registration, the framework's indicator it supports, its name and bytes. */
export interface EvidenceUpload {
  registrationId: string;
  indicator: string;
  fileName: string;
  bytes: Uint8Array;
}

/**
 * Adds an evidence file to a registration the caller may write, while it can still be
 * self-assessed: the indicator must be the framework's, the type is detected from the bytes
 * (PDF, JPEG, PNG, WebP, DOCX, XLSX; anything else unsupported), at most 200 files.
 */
export async function uploadEvidence(deps: Deps, caller: Caller, trx: Trx, input: EvidenceUpload): Promise<EvidenceFileRow> {
  const { bytes, indicator } = input;
  if (bytes.byteLength > MAX_EVIDENCE_BYTES) throw evidenceTooLarge();
  if (bytes.byteLength === 0) throw new AppError('invalid', 'EVIDENCE_EMPTY', 'Tệp minh chứng rỗng', 'The evidence file is empty');
  const reg = writable(caller.scope, await getRegistration(trx, checkId(input.registrationId, 'registration'), { forUpdate: true }), 'registration');
  assertOpen(reg);
  const { framework } = await loadCampaign(trx, caller.scope, reg.campaign_id);
  const { model } = modelOf(deps, framework);
  if (!model.indicators.some((i) => i.id === indicator))
    throw new AppError('unprocessable', 'UNKNOWN_INDICATOR', `Bộ tiêu chí của đợt không có chỉ số ${indicator.slice(0, 50)}`, `The campaign's framework has no indicator ${indicator.slice(0, 50)}`);
  const mediaType = sniffEvidenceType(bytes);
  if (!mediaType)
    throw new AppError(
      'unsupported',
      'EVIDENCE_TYPE',
      'Nội dung tệp không phải PDF, ảnh JPEG, PNG, WebP hay tệp Word, Excel (.docx, .xlsx): không nhận',
      'The file’s content is not PDF, JPEG, PNG, WebP, Word or Excel (.docx, .xlsx): refused',
      { accepted: Object.keys(EVIDENCE_TYPES) },
    );
  if ((await evidenceFilesOf(trx, reg.id)).length >= MAX_EVIDENCE_FILES)
    throw new AppError('conflict', 'EVIDENCE_LIMIT', `Mỗi hồ sơ có tối đa ${MAX_EVIDENCE_FILES} tệp minh chứng`, `A registration has at most ${MAX_EVIDENCE_FILES} evidence files`);
  const row = await insertEvidenceFile(trx, {
    province: reg.province_code,
    commune: reg.commune_code,
    registrationId: reg.id,
    indicator,
    fileName: input.fileName,
    mediaType,
    bytes,
    uploadedBy: actorOf(caller),
    at: deps.now(),
  });
  await appendAudit(
    trx,
    auditEntry(deps, caller, { province: reg.province_code, action: 'evidence.upload', subject: { kind: 'registration', id: reg.id }, payload: { evidence: row.id, indicator, mediaType, size: row.size, sha256: row.sha256 } }),
  );
  return row;
}

/** An evidence file the caller may read and its bytes; who opened it is audited (it may hold personal data). */
export async function downloadEvidence(deps: Deps, caller: Caller, trx: Trx, input: { id: string }): Promise<{ file: EvidenceFileRow; bytes: Uint8Array }> {
  const f = readable(caller.scope, await getEvidenceFile(trx, checkId(input.id, 'evidence')), 'evidence');
  await appendAudit(trx, auditEntry(deps, caller, { province: f.province_code, action: 'evidence.download', subject: { kind: 'evidence', id: f.id }, payload: { registration: f.registration_id } }));
  return { file: f, bytes: await readEvidenceContent(trx, f) };
}

/** Removes an evidence file while its registration can still be self-assessed. */
export async function deleteEvidence(deps: Deps, caller: Caller, trx: Trx, input: { id: string }): Promise<void> {
  const f = writable(caller.scope, await getEvidenceFile(trx, checkId(input.id, 'evidence')), 'evidence');
  const reg = writable(caller.scope, await getRegistration(trx, f.registration_id, { forUpdate: true }), 'registration');
  assertOpen(reg);
  await deleteEvidenceFile(trx, f);
  await appendAudit(trx, auditEntry(deps, caller, { province: reg.province_code, action: 'evidence.delete', subject: { kind: 'registration', id: reg.id }, payload: { evidence: f.id, indicator: f.indicator, sha256: f.sha256 } }));
}
