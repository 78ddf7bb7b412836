/**
 * @hoctap/documents — the documents of the recognition workflow, as pure functions over plain data:
 * decisions, certificates, forms and score sheets (PDF with an embedded Vietnamese font), yearly
 * reports and registers (Excel with real formulas, and PDF), import templates and their reader, and
 * Open Badges 3.0 verifiable credentials with a Bitstring Status List. No database, no HTTP, no clock.
 */
export { renderDecisionPdf, adminHeader, signatureBlock, recipientsBlock, type DecisionInput, type IssuingBody, type Signer, type RecognisedEntry } from './decision.js';
export { conditionWords, titleRulesWords } from './rules.js';
export { viDateWords, viDateShort, placeDate, viNumber, nfc, upper, type IsoDate } from './text.js';
export { renderCertificatePdf, renderCertificatesPdf, renderCertificateInto, qrMatrix, drawQr, verifyUrl, type CertificateInput, type CertificatesPdfOptions } from './certificate.js';
export {
  issueCredential,
  verifyCredential,
  validateCredentialSchema,
  openBadgeSchema,
  createStatusList,
  revoke,
  isRevoked,
  encodeStatusList,
  decodeStatusList,
  issueStatusListCredential,
  signDocument,
  verifyDocumentProof,
  ed25519FromSeed,
  didKeyOf,
  verificationMethodOf,
  publicKeyFromDidKey,
  identityHash,
  assertNoPersonalIdentifiers,
  STATUS_LIST_MIN_SIZE,
  VC_V2_CONTEXT,
  OB_V3_CONTEXT,
  canonicalize,
  type IssueCredentialInput,
  type OpenBadgeCredential,
  type StatusList,
  type StatusListCredential,
  type DataIntegrityProof,
  type VerifyOptions,
  type VerificationResult,
  type VerificationStatus,
} from './credentials.js';
export { renderFormPdf, renderScoreSheetPdf, indicatorsFor, type FormContext, type ScoreSheetOptions } from './forms.js';
export { buildYearlyReportXlsx, renderYearlyReportPdf, buildRegistersXlsx, renderRegistersPdf, registers, consecutiveYears, type YearlyReportData, type YearlyReportRow, type YearlyReportSubject, type RegistersData, type TitleHolder } from './reports.js';
export { buildImportTemplateXlsx, readScoresXlsx, fillScoresTemplate, readSheetXlsx, cellAsText, columnLetter, type TemplateKind, type RowError, type ReadScoresResult, type SheetRow } from './templates.js';
export { createDoc, toBuffer, table, dateAt, type Doc, type DocOptions, type Column, type TableRow } from './pdf.js';
export { fixZipDates } from './zip.js';
