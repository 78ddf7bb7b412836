/** @hoctap/db — schema, migrations and queries over embedded PGlite or PostgreSQL; no HTTP, no env. */
export { openDatabase, DEFAULT_DATA_DIR, type OpenOptions, type DatabaseHandle, type DialectName } from './open.js';
export { migrateToLatest, createMigrator, migrations } from './migrations.js';
export { APP_ROLE } from './roles.js';
export { withScope, assertScope, type Scope, type ScopeOptions } from './scope.js';
export { typeParsers, parseInt8, parseNumeric, parseDate } from './parsers.js';
export { canonicalJson, type JsonValue } from './canonical-json.js';
export {
  appendAudit,
  pendingAuditRow,
  chainPendingAudit,
  pendingAudit,
  auditDocumentAround,
  verifyAuditChain,
  auditHeads,
  auditHash,
  auditEntryDocument,
  assertNoPersonalData,
  GENESIS_HASH,
  type AuditInput,
  type AppendedAudit,
  type AuditVerification,
  type PendingAudit,
} from './audit.js';
export { validateCitizenId, maskCitizenId, type CitizenIdCheck, type CitizenIdProblem } from './citizen-id.js';
export { createCitizenIdCipher, parseDataKey, type CitizenIdCipher } from './crypto.js';
export { fold, normalize } from './text.js';
export {
  createPerson,
  getPerson,
  findPersonByCitizenId,
  revealCitizenId,
  searchPeople,
  listPeople,
  updatePerson,
  deletePerson,
  personLocation,
  isPersonRegistered,
  hasMemberships,
  type PersonInput,
  type PersonRow,
  type PeoplePage,
  type PersonPatch,
} from './people.js';
export {
  createUser,
  findUserByEmail,
  getUser,
  sessionId,
  createSession,
  resolveSession,
  forgetCachedSessions,
  revokeSession,
  revokeUserSessions,
  type UserInput,
  type SessionLookup,
} from './accounts.js';
export {
  ACCOUNTS_SECURITY_MIGRATION,
  ACCOUNT_SECURITY_TABLES,
  listUsers,
  updateUser,
  setUserDisabled,
  setPasswordHash,
  createPasswordResetToken,
  consumePasswordResetToken,
  setPendingTotp,
  enableTotp,
  disableTotp,
  acceptTotpStep,
  recoveryCodeHash,
  useRecoveryCode,
  createTotpSecretCipher,
  isEmailTaken,
  revokeOtherSessions,
  voidPasswordResetTokens,
  findPasswordResetToken,
  type TotpSecretCipher,
} from './account-security.js';
export {
  ensureFramework,
  getFramework,
  createCampaign,
  getCampaign,
  listCampaigns,
  createRegistration,
  getRegistration,
  listRegistrations,
  transitionRegistration,
  lockRegistrationWithCampaign,
  type EvidenceMeta,
  addAssessment,
  newAssessment,
  assessmentsOf,
  latestAssessments,
  createDecision,
  getDecision,
  registrationCounts,
  type CampaignInput,
  type RegistrationInput,
  type AssessmentInput,
  type DecisionInput,
} from './campaigns.js';
export {
  findPersonByNaturalKey,
  provincesOfCommune,
  communeProvinces,
  countPeople,
  registrationStatuses,
  registrationStatus,
  registrationIdInCampaign,
  registrationsAfter,
  latestAssessmentsOfRegistrations,
  resultsOfYear,
  groupCampaignsOfYear,
  type YearResultRow,
} from './workflow-queries.js';
export { listDecisions, type DecisionListItem } from './decision-list.js';
export { titleHistory, titleRegister, campaignSubjects, laterCampaignsOfSubject, registrationTitleYear, HOLDING_STATUSES, type TitleHistoryRow, type RegisterRow, type CampaignSubjectRow } from './title-history.js';
export { campaignsLike, communesOfUnits } from './campaign-checks.js';
export { registrationSummaries, type RegistrationSummary } from './registration-summaries.js';
export { CAMPAIGN_NAME_MAX, CAMPAIGN_TITLE_NAMES } from './campaign-names.js';
export { addMembership, endMembership, membersAt, membershipsOf, countMembersAt, type GroupKind, type MembershipInput } from './memberships.js';
export {
  ASSESSED_STATUSES,
  RECOGNISED_STATUSES,
  titleFigures,
  campaignsOfYear,
  communeNames,
  groupsOfArea,
  groupMembersOn,
  type FigureRow,
  type DashboardCampaignRow,
  type AreaGroupRow,
  type GroupMemberRow,
} from './dashboard.js';
export { publishFramework, contentHash, frameworkByHash, listPublishedFrameworks, getPublishedFramework, type PublishFrameworkInput, type PublishedFrameworkRow } from './frameworks.js';
export { uuidv7 } from './ids.js';
export { AUDIT_PENDING_TABLES, startAuditSweeper, type AuditSweeper } from './audit-chain.js';
export {
  GROUP_TABLES,
  GROUP_COLUMNS,
  GROUP_KINDS,
  COMMUNITY_TYPES,
  UNIT_TYPES,
  createGroup,
  getGroup,
  listGroups,
  updateGroup,
  deleteGroup,
  isGroupRegistered,
  groupMemberships,
  isCurrent,
  getMembership,
  groupOfMembership,
  overlappingMembership,
  endMembershipById,
  groupsOfPerson,
  householdsOfPeopleAt,
  findHouseholdByName,
  type GroupRow,
  type GroupInput,
  type GroupPatch,
  type GroupsPage,
  type MemberRow,
  type PersonGroupRow,
} from './groups.js';
export { truncateAllTables } from './reset.js';
export { unitName } from './units.js';
export { TENANT_TABLES, GLOBAL_TABLES, SUBJECT_KINDS, REGISTRATION_STATUSES } from './schema.js';
export type * from './schema.js';
export {
  enqueueJob,
  getJob,
  claimJob,
  heartbeatJob,
  finishJob,
  releaseJob,
  SEALED_INPUT,
  importChunk,
  campaignRegistrationSpan,
  JOBS_MIGRATION,
  JOB_TABLES,
  type Job,
  type JobStatus,
  type JobInput,
  type ImportRow,
  type ImportTarget,
  type ImportRowError,
  type ImportChunkResult,
} from './jobs.js';
export { JOB_FILES_MIGRATION, JOB_FILE_TABLES, putJobFile, getJobFile, type JobFile } from './job-files.js';
export {
  CREDENTIALS_MIGRATION,
  CREDENTIAL_TABLES,
  VERIFIER_ROLE,
  withVerifierScope,
  createIssuerKeyCipher,
  activeIssuerKey,
  insertIssuerKey,
  issuerKeysByDid,
  getStatusList,
  insertStatusList,
  updateStatusList,
  insertCredential,
  getCredential,
  credentialsOfDecision,
  credentialsOfRegistration,
  markCredentialRevoked,
  lockProvinceCredentials,
  type IssuerKeyCipher,
  type CredentialPublicInfo,
} from './credentials.js';
export {
  PUBLIC_LIST_MIGRATION,
  PUBLIC_ROLE,
  withPublicListScope,
  listPublicRecognitions,
  publicListFacets,
  type PublicListFacets,
  type PublicRecognition,
  type PublicListFilter,
} from './public-list.js';
export {
  EVIDENCE_MIGRATION,
  EVIDENCE_TABLES,
  EVIDENCE_TYPES,
  MAX_EVIDENCE_BYTES,
  sniffEvidenceType,
  sanitiseFileName,
  sha256Hex,
  databaseEvidenceStorage,
  insertEvidenceFile,
  getEvidenceFile,
  evidenceFilesOf,
  readEvidenceContent,
  deleteEvidenceFile,
  type EvidenceStorage,
  type EvidenceFileRow,
  type EvidenceInput,
} from './evidence.js';
export { inSavepoint } from './savepoint.js';
