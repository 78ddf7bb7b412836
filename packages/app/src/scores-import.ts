/**
 * The scores import: each good row of a scores sheet records the self-assessment or the committee
 * review through the one assessment path ({@link assessRegistration}: workflow state, other reviewer
 * for appeals, calendar, engine, audit), under a savepoint; bad rows are reported with their row,
 * column and a Vietnamese message; a row whose scores are already recorded in the resulting state is
 * skipped, so a retry writes nothing twice. A committee row of a record self-assessed but not yet
 * submitted submits it first, in the same savepoint and audited as the single submit (the sheet is
 * the committee's batch: sending the officer back to submit each record first only adds a step).
 */
import type { Model } from '@hoctap/core';
import type { RegistrationStatus } from '@hoctap/db';
import { appendAudit, assessmentsOf, findPersonByCitizenId, inSavepoint, registrationIdInCampaign, registrationStatus } from '@hoctap/db';
import type { RowError } from './campaigns.js';
import { loadCampaign } from './campaigns.js';
import { auditEntry, type Caller, type Deps, type Trx } from './deps.js';
import { AppError } from './errors.js';
import { modelOf } from './models.js';
import { checkId } from './scope.js';
import { assessRegistration, submitRegistration, type AssessAction } from './registrations.js';
import { WORKFLOW } from './workflow.js';

/** A row's assessment as the sheet gives it. */
export interface ScoresRowBody {
  scores: Record<string, number | boolean>;
  group?: string;
  attributes?: Record<string, string>;
}

/** A scores sheet read against the campaign's model: the key of a row, its assessment or cell errors. */
export interface ScoresColumns {
  /** The row's key text (a registration id, a person id or a citizen id), trimmed. */
  key(cells: readonly string[]): string;
  /** A row error on the key column. */
  keyError(row: number, code: string, message: string): RowError;
  /** The row's assessment, or its cell errors. */
  body(row: number, cells: readonly string[]): { body?: ScoresRowBody | undefined; errors: RowError[] };
}

/** A scores sheet as its door read it (the file's parsing belongs to the sheets reader). */
export interface ScoresSheet {
  readonly format: string;
  readonly rows: readonly { row: number; cells: readonly string[] }[];
  /** The columns against the framework's model; undefined when the header has no key column or no indicator column. */
  against(model: Model): ScoresColumns | undefined;
}

/** The answer of a scores import: counts, every good row's outcome, the bad rows' errors. */
export interface ScoresImportResult {
  kind: 'self' | 'committee';
  recorded: number;
  unchanged: number;
  rows: { row: number; registrationId: string; outcome: 'recorded' | 'unchanged'; assessmentId?: string; status: RegistrationStatus; total: number | null; submitted?: true }[];
  errors: RowError[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The registration of this campaign a key names: a registration id, a person id or a citizen id. */
async function registrationOf(deps: Pick<Deps, 'cipher'>, trx: Trx, campaignId: string, key: string): Promise<string | undefined> {
  const byPerson = (personId: string) => registrationIdInCampaign(trx, campaignId, { subject: { kind: 'person', id: personId } });
  if (UUID.test(key)) {
    const id = key.toLowerCase();
    return (await registrationIdInCampaign(trx, campaignId, { id })) ?? (await byPerson(id));
  }
  const digits = key.replace(/\s+/g, '');
  if (/^[0-9]{12}$/.test(digits)) {
    const person = await findPersonByCitizenId(trx, deps.cipher, digits);
    return person ? await byPerson(person.id) : undefined;
  }
  return undefined;
}

const same = (a: unknown, b: unknown) => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, sortKeys(x)]));
  return v;
}

/** Records the self-assessments (`kind: 'self'`) or committee reviews of a scores sheet in one campaign. */
export async function importScores(deps: Deps, caller: Caller, trx: Trx, input: { campaignId: string; kind: 'self' | 'committee'; sheet: ScoresSheet }): Promise<ScoresImportResult> {
  const { kind, sheet } = input;
  const action: AssessAction = kind === 'committee' ? 'review' : 'self-assess';
  const { campaign, framework } = await loadCampaign(trx, caller.scope, checkId(input.campaignId, 'campaign'));
  const { model } = modelOf(deps, framework);
  const cols = sheet.against(model);
  if (!cols)
    throw new AppError(
      'invalid',
      'SCORES_HEADER',
      'Dòng đầu phải là tên cột: cột “Mã” (mã hồ sơ, mã người hoặc số định danh) và các cột “Chỉ số …” của bộ tiêu chí',
      'The first row must name the columns: “Mã” (registration, person or citizen id) and the framework’s “Chỉ số …” indicator columns',
    );
  const out: ScoresImportResult = { kind, recorded: 0, unchanged: 0, rows: [], errors: [] };
  const seen = new Map<string, number>();
  for (const { row, cells } of sheet.rows) {
    const errors: RowError[] = [];
    const keyText = cols.key(cells);
    const regId = keyText ? await registrationOf(deps, trx, campaign.id, keyText) : undefined;
    if (!keyText) errors.push(cols.keyError(row, 'ROW_INVALID', 'thiếu mã'));
    else if (!regId) errors.push(cols.keyError(row, 'SUBJECT_NOT_FOUND', `không có người hay hồ sơ “${keyText}” trong đợt đánh giá này`));
    else if (seen.has(regId)) errors.push(cols.keyError(row, 'DUPLICATE_ROW', `trùng với dòng ${seen.get(regId)}`));
    const parsed = cols.body(row, cells);
    errors.push(...parsed.errors);
    if (errors.length || !parsed.body || !regId) {
      out.errors.push(...errors);
      continue;
    }
    seen.set(regId, row);
    const body = parsed.body;
    // A retry without a key: the same scores already recorded in the resulting state are skipped.
    const status = await registrationStatus(trx, regId);
    if (status === WORKFLOW[action].to) {
      const last = (await assessmentsOf(trx, regId)).filter((x) => x.kind === kind).at(-1);
      const lastGroup = (last?.result as { group?: string } | null)?.group;
      const lastAttributes = (last?.result as { attributes?: Record<string, string> } | null)?.attributes;
      if (last && same(last.scores, body.scores) && lastGroup === body.group && same(lastAttributes ?? {}, body.attributes ?? {})) {
        out.unchanged++;
        out.rows.push({ row, registrationId: regId, outcome: 'unchanged', assessmentId: last.id, status, total: (last.result as { total?: number } | null)?.total ?? null });
        continue;
      }
    }
    const submit = kind === 'committee' && status === 'self-assessed';
    try {
      const res = await inSavepoint(trx, async () => {
        if (submit) await submitRegistration(deps, caller, trx, { id: regId });
        return assessRegistration(deps, caller, trx, { id: regId, action, body, campaignId: campaign.id });
      });
      out.recorded++;
      out.rows.push({ row, registrationId: regId, outcome: 'recorded', assessmentId: res.assessment.id, status: res.registration.status, total: (res.assessment.result as { total?: number } | null)?.total ?? null, ...(submit ? { submitted: true as const } : {}) });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      // A record not self-assessed yet: say exactly what the officer must do first.
      const hint = kind === 'committee' && (status === 'registered' || status === 'returned') ? ' — hồ sơ chưa tự đánh giá: nhập phiếu tự đánh giá (hoặc tệp điểm tự đánh giá) rồi nhập lại dòng này' : '';
      out.errors.push({ row, code: e.code, message: `${e.vi}${hint}` });
    }
  }
  await appendAudit(
    trx,
    auditEntry(deps, caller, { province: campaign.province_code, action: 'assessment.bulk', subject: { kind: 'campaign', id: campaign.id }, payload: { kind, recorded: out.recorded, unchanged: out.unchanged, errors: out.errors.length, format: sheet.format } }),
  );
  return out;
}
