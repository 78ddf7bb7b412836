/** Reads the environment once, in one place: the rest of the server gets plain values. */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The server's configuration. */
export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  /** PostgreSQL connection string; absent → embedded PGlite in `dataDir`. */
  readonly databaseUrl?: string;
  /** PostgreSQL connections the server opens at start and keeps (`HOCTAP_DB_CONNECTIONS`, default 10). */
  readonly dbConnections: number;
  /** How long a session read from the database is reused, in ms (`HOCTAP_SESSION_CACHE_MS`, default 1000; 0 reads it on every request). */
  readonly sessionCacheMs: number;
  readonly dataDir: string;
  /** 32-byte key (base64 or hex) for citizen-id encryption and lookup hashes. */
  readonly dataKey: string;
  /** Where the built admin portal is, if it has been built. */
  readonly adminDist: string;
  readonly secureCookies: boolean;
  /** Background jobs: run a worker in this process (`HOCTAP_JOB_WORKER=0` turns it off), its lease and chunk size. */
  readonly jobs?: { readonly worker: boolean; readonly leaseMs?: number; readonly chunkRows?: number };
  /** The address the public reaches the server at, printed in QR codes and credentials. */
  readonly publicUrl?: string;
  /** Staff must enrol TOTP at their next sign-in (`HOCTAP_REQUIRE_MFA=1`); off by default so the demo accounts sign in with a password. */
  readonly requireMfa?: boolean;
}

/**
 * Builds the configuration from the environment: `PORT`, `HOST`, `DATABASE_URL`,
 * `HOCTAP_DATA_DIR`, `HOCTAP_DATA_KEY`, `HOCTAP_SECURE_COOKIES`, `HOCTAP_JOB_WORKER`,
 * `HOCTAP_JOB_LEASE_MS`, `HOCTAP_JOB_CHUNK_ROWS`, `HOCTAP_PUBLIC_URL`, `HOCTAP_REQUIRE_MFA`,
 * `HOCTAP_DB_CONNECTIONS`, `HOCTAP_SESSION_CACHE_MS`.
 */
export function loadConfig(env: NodeJS.ProcessEnv, repoRoot: string): ServerConfig {
  const dataDir = resolve(env.HOCTAP_DATA_DIR ?? join(repoRoot, '.hoctap-data'));
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT không hợp lệ: ${env.PORT}`);
  const dbConnections = Number(env.HOCTAP_DB_CONNECTIONS ?? 10);
  if (!Number.isInteger(dbConnections) || dbConnections < 1 || dbConnections > 200) throw new Error(`HOCTAP_DB_CONNECTIONS không hợp lệ (1–200): ${env.HOCTAP_DB_CONNECTIONS}`);
  const sessionCacheMs = Number(env.HOCTAP_SESSION_CACHE_MS ?? 1000);
  if (!Number.isInteger(sessionCacheMs) || sessionCacheMs < 0 || sessionCacheMs > 60_000) throw new Error(`HOCTAP_SESSION_CACHE_MS không hợp lệ (0–60000): ${env.HOCTAP_SESSION_CACHE_MS}`);
  let dataKey = env.HOCTAP_DATA_KEY;
  if (!dataKey) {
    if (env.DATABASE_URL) throw new Error('Cần đặt HOCTAP_DATA_KEY (32 byte, base64) khi dùng PostgreSQL: khóa mã hóa số định danh cá nhân');
    // Embedded mode on one machine: a key made on first start, kept beside the data it protects.
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, 'data-key');
    if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
    dataKey = readFileSync(file, 'utf8').trim();
  }
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    dbConnections,
    sessionCacheMs,
    dataDir,
    dataKey,
    adminDist: resolve(env.HOCTAP_ADMIN_DIST ?? join(repoRoot, 'apps', 'admin', 'dist')),
    secureCookies: env.HOCTAP_SECURE_COOKIES === '1',
    ...(env.HOCTAP_PUBLIC_URL ? { publicUrl: env.HOCTAP_PUBLIC_URL } : {}),
    requireMfa: env.HOCTAP_REQUIRE_MFA === '1',
    jobs: {
      worker: env.HOCTAP_JOB_WORKER !== '0',
      ...(env.HOCTAP_JOB_LEASE_MS ? { leaseMs: Number(env.HOCTAP_JOB_LEASE_MS) } : {}),
      ...(env.HOCTAP_JOB_CHUNK_ROWS ? { chunkRows: Number(env.HOCTAP_JOB_CHUNK_ROWS) } : {}),
    },
  };
}
