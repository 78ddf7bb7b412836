/**
 * @hoctap/server — the composition root: `startServer(config)` opens the database, migrates and
 * seeds it, registers the plugins and serves the API at /api and the admin portal at /.
 */
import { serve, type ServerType } from '@hono/node-server';
import { createApp, startJobWorker, type JobWorker } from '@hoctap/api';
import { createRegistry, type Registry } from '@hoctap/core';
import { migrateToLatest, openDatabase, startAuditSweeper, type DatabaseHandle } from '@hoctap/db';
import { sql } from 'kysely';
import { join } from 'node:path';
import type { ServerConfig } from './config.js';
import { PLUGINS } from './plugins.js';
import { seedIfEmpty, type SeedReport } from './seed.js';
import { seedDemoYear, type DemoYearReport } from './demo-year.js';
import { getConnInfo } from '@hono/node-server/conninfo';
import { servePortal } from './static.js';

export { loadConfig, type ServerConfig } from './config.js';
export { PLUGINS } from './plugins.js';
export { DEMO_ACCOUNTS, ROLE_LABELS_VI, type DemoAccount } from './demo-accounts.js';
export type { DemoYearSummary } from './demo-group-years.js';

/** A running server. */
export interface RunningServer {
  readonly url: string;
  readonly registry: Registry;
  readonly database: DatabaseHandle;
  readonly seed: SeedReport;
  /** The demo year run at first start (absent when the database was already seeded). */
  readonly demoYear?: DemoYearReport;
  /** The background-job worker of this process (absent when turned off). */
  readonly jobWorker?: JobWorker;
  close(): Promise<void>;
}

/** Starts the server; resolves once it listens. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const registry = createRegistry(PLUGINS);
  const database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl, maxConnections: config.dbConnections, keepConnections: true } : { dataDir: join(config.dataDir, 'pglite') });
  await migrateToLatest(database.db);
  // Chains audit entries whose commit found the chain busy (and, at start, any left by a crash).
  const auditSweeper = startAuditSweeper(database.db, { onError: (e) => console.error('[lỗi] nhật ký kiểm toán:', e instanceof Error ? e.message : e) });
  await auditSweeper.sweep();
  const seed = await seedIfEmpty(database.db, registry, config.dataKey);
  const demoYear = seed.seeded ? await seedDemoYear(database.db, registry, config.dataKey) : undefined;
  const jobWorker = config.jobs?.worker === false
    ? undefined
    : startJobWorker({
        db: database.db,
        dataKey: config.dataKey,
        registry,
        ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
        ...(config.jobs?.leaseMs ? { leaseMs: config.jobs.leaseMs } : {}),
        ...(config.jobs?.chunkRows ? { chunkRows: config.jobs.chunkRows } : {}),
      });
  const app = createApp({
    onJobQueued: () => jobWorker?.wake(),
    registry,
    version: '0.1.0',
    db: database,
    dataKey: config.dataKey,
    secureCookies: config.secureCookies,
    requireMfa: config.requireMfa ?? false,
    sessionCacheMs: config.sessionCacheMs,
    ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
    clientAddress: (c) => getConnInfo(c).remote.address,
    database: {
      dialect: database.dialect,
      ping: async () => {
        await sql`select 1`.execute(database.db);
        return true;
      },
    },
    logError: (e, where) => console.error(`[lỗi] ${where}:`, e instanceof Error ? e.message : e),
  });
  servePortal(app, config.adminDist);
  const server: ServerType = await new Promise((ok) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => ok(s));
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  return {
    url: `http://${config.host}:${port}`,
    registry,
    database,
    seed,
    ...(demoYear ? { demoYear } : {}),
    ...(jobWorker ? { jobWorker } : {}),
    async close() {
      await jobWorker?.stop();
      await new Promise<void>((ok) => server.close(() => ok()));
      await auditSweeper.stop();
      await database.close();
    },
  };
}
