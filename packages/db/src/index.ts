/** @hoctap/db — schema, migrations and queries over embedded PGlite or PostgreSQL; no HTTP, no env. */
export { openDatabase, DEFAULT_DATA_DIR, type OpenOptions, type DatabaseHandle, type DialectName } from './open.js';
export { migrateToLatest, createMigrator, migrations, APP_ROLE } from './migrations.js';
export { withScope, assertScope, type Scope, type ScopeOptions } from './scope.js';
export { typeParsers, parseInt8, parseNumeric, parseDate } from './parsers.js';
export { canonicalJson, type JsonValue } from './canonical-json.js';
export {
  appendAudit,
  verifyAuditChain,
  auditHeads,
  auditHash,
  auditEntryDocument,
  assertNoPersonalData,
  GENESIS_HASH,
  type AuditInput,
  type AppendedAudit,
  type AuditVerification,
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
  revokeSession,
  revokeUserSessions,
  type UserInput,
  type SessionLookup,
} from './accounts.js';
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
  addAssessment,
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
export { addMembership, endMembership, membersAt, membershipsOf, countMembersAt, type GroupKind, type MembershipInput } from './memberships.js';
export { publishFramework, contentHash, type PublishFrameworkInput } from './frameworks.js';
export { truncateAllTables } from './reset.js';
export { TENANT_TABLES, GLOBAL_TABLES } from './schema.js';
export type * from './schema.js';
export {
  enqueueJob,
  getJob,
  claimJob,
  heartbeatJob,
  finishJob,
  releaseJob,
  importChunk,
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
  type IssuerKeyCipher,
  type CredentialPublicInfo,
} from './credentials.js';
