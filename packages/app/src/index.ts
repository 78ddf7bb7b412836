/**
 * @hoctap/app — the application layer: one function per use case, each taking the platform's
 * dependencies ({@link Deps}), the caller ({@link Caller}), a transaction and a validated input,
 * and returning data or throwing a typed {@link AppError}. No HTTP inside: the API's routes, the
 * job worker, the imports and the CLI call the same functions.
 *
 * @example
 * await withCaller(deps, caller, (trx) => submitRegistration(deps, caller, trx, { id }));
 */
export { AppError, isAppError, notFound, outOfScope, type AppErrorKind, type Missing } from './errors.js';
export { canRead, canWrite, readable, writable, checkId } from './scope.js';
export { withCaller, auditEntry, localDate, type Deps, type Caller, type Trx, type AuditFields } from './deps.js';
export { modelOf } from './models.js';
export {
  checkDraft,
  publishFramework,
  publishedFrameworks,
  publishedFrameworkSource,
  publishedVersion,
  registeredBases,
  diagnosticView,
  exampleView,
  type FrameworkText,
  type DiagnosticView,
  type ExampleView,
  type PublishedVersion,
} from './frameworks.js';
export { writeLocality, assertCommuneInProvince } from './where.js';
export { citizenIdError, searchPeople, createPerson, getPerson, updatePerson, deletePerson, type PersonCreateInput } from './people.js';
export { WORKFLOW, STATES, ACTIONS, STATE_NAMES_VI, ACTION_NAMES_VI, transition, illegal, type State, type Action } from './workflow.js';
export {
  actorOf,
  campaignWithFramework,
  loadCampaign,
  checkWindow,
  openCampaign,
  listCampaignsInScope,
  readCampaign,
  registerSubject,
  listCampaignRegistrations,
  campaignCommunes,
  assertInCampaign,
  type RegistrationListItem,
  peopleTargetOf,
  registerPeopleSheet,
  registerHouseholdsSheet,
  subjectKindOf,
  importRegistrationsChunk,
  proposeRegistrations,
  type CampaignWithFramework,
  type CampaignTitle,
  type OpenCampaignInput,
  type RowError,
  type PersonRecord,
  type PeopleTarget,
  type PeopleSheet,
  type SheetRegistrationResult,
  type HouseholdRecord,
  type HouseholdsSheet,
  type HouseholdsSheetResult,
  type SubjectRef,
  type ImportChunkInput,
  type ImportChunkOutcome,
} from './campaigns.js';
export {
  engineResult,
  assessRegistration,
  stepRegistration,
  submitRegistration,
  submitRegistrations,
  readRegistration,
  type EngineInput,
  type AssessmentBody,
  type AssessAction,
  type AssessInput,
  type StepAction,
} from './registrations.js';
export { uploadEvidence, downloadEvidence, deleteEvidence, assertEvidenceAsAssessed, evidenceTooLarge, MAX_EVIDENCE_FILES, type EvidenceUpload } from './evidence.js';
export { decide, readDecision, listDecisionsInScope, campaignReport, verifyAudit, type DecideInput, type DecideOutput, type CampaignReport, type Share } from './decisions.js';
export { yearDashboard, DASHBOARD_TITLES, DASHBOARD_COUNTS, type Dashboard, type DashboardInput, type DashboardTitle, type DashboardArea, type DashboardTarget, type UnmeasuredTarget, type RollupRow } from './dashboard.js';
export { importScores, type ScoresSheet, type ScoresColumns, type ScoresRowBody, type ScoresImportResult } from './scores-import.js';
export { recomputeChunk, RECOMPUTE_NOTE, type RecomputeState, type RecomputeChunkInput } from './recompute.js';
export { GROUP_NAMES, groupNotFound, searchGroups, createGroup, getGroup, updateGroup, deleteGroup, addMember, endMember, groupsOfPersonAt, type GroupCreateInput, type MemberAddInput } from './groups.js';
export {
  originOf,
  statusListUrl,
  verifyPageUrl,
  localityNames,
  issuingBody,
  signerOf,
  issueDecisionCredentials,
  credentialId,
  revokeCredential,
  verifyAgainstDatabase,
  publicCredential,
  publicStatusList,
  verificationPage,
  type CredentialDeps,
  type IssueInput,
  type VerificationPage,
} from './credentials.js';
export {
  decisionData,
  decisionDocument,
  decisionCertificates,
  registrationCertificate,
  noCertificates,
  yearlyReport,
  placeOf,
  scoreSheetOf,
  pluginFormOf,
  importTemplateOf,
  type DocumentDeps,
  type DecisionData,
  type TemplateKind,
} from './documents.js';
export { historyOf, historySpan, type SubjectHistory, type HistoryYear } from './title-history.js';
export { titleRegisterPage, titleRegistersDocument, registerOrder, TITLE_NAMES, REGISTER_SPANS, type RegisterSpan, type RegisterInput, type RegisterEntry, type RegisterPage } from './registers.js';
export { queueImportJob, importInputContext, queueRecomputeJob, queueCertificatesJob, readJob, jobFile, type CertificatesJobPayload, type ImportSource } from './job-queue.js';
export { ROLES, PERMISSIONS, STAFF_ROLES, isStaff, isRole, hasPermission, scopeOf, type Role, type Permission } from './permissions.js';
export { hashPassword, verifyPassword, passwordProblem, PASSWORD_MIN, PASSWORD_MAX, COMMON_PASSWORDS } from './passwords.js';
export { LoginLimiter } from './limiter.js';
export {
  TOTP_PERIOD,
  TOTP_ISSUER,
  MFA_CHALLENGE_MS,
  RECOVERY_CODES,
  newTotpSecret,
  totpUri,
  totpStep,
  isRecoveryCode,
  newRecoveryCodes,
  mfaChallenge,
  challengeUser,
  challengeValid,
} from './totp.js';
export {
  openSession,
  signIn,
  signInSecondStep,
  signOut,
  changePassword,
  resetPassword,
  startTotp,
  confirmTotp,
  disableTotp,
  type AuthDeps,
  type Requester,
  type OpenedSession,
  type SignInResult,
} from './auth.js';
export { RESET_TOKEN_TTL_MS, manages, listManagedUsers, getManagedUser, createManagedUser, updateManagedUser, setUserActive, issuePasswordReset } from './accounts.js';
export { publicRecognitions } from './public-list.js';
export { registerGroupsSheet, readGroupsSheets, GROUPS_SHEET, MEMBERS_SHEET, TYPE_NAMES, type SheetTable, type GroupsSheetInput, type GroupsSheetResult, type GroupsRowError } from './groups-sheet.js';
