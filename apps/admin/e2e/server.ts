/**
 * The REAL server for the end-to-end tests: `startServer` from `@hoctap/server` on embedded PGlite
 * in a fresh temporary data directory, serving the built portal (`dist/`) and the whole API. The
 * first start migrates, seeds the plugins and runs the demo years (Phú Thọ 2018: 120 citizens
 * reviewed and decided; Yên Bái's xã Tuy Lộc 2018: households, a clan, villages, units; Tân Biên
 * 2023: the district offices) — 30–60 s — so one server serves the whole e2e file.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, startServer, type RunningServer } from '@hoctap/server';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The seeded demo accounts the tests sign in with (apps/server/src/demo-accounts.ts), Phú Thọ's
 * three duties: the officer (the province's administrator: registers, self-assesses, proposes),
 * the committee member (reviews) and the leader (decides, publishes).
 */
export const OFFICER = { email: 'canbo.phutho@hoctap.local', password: 'can-bo-phu-tho-2026' } as const;
export const COMMITTEE = { email: 'hoidong.phutho@hoctap.local', password: 'hoi-dong-phu-tho-2026' } as const;
export const LEADER = { email: 'lanhdao.phutho@hoctap.local', password: 'lanh-dao-phu-tho-2026' } as const;

export interface TestServer {
  readonly url: string;
  readonly server: RunningServer;
  close(): Promise<void>;
}

export async function startRealServer(distDir: string): Promise<TestServer> {
  statSync(join(resolve(distDir), 'index.html')); // fails early when the portal is not built
  const dir = mkdtempSync(join(tmpdir(), 'hoctap-admin-e2e-'));
  const config = loadConfig({ PORT: '0', HOCTAP_DATA_DIR: join(dir, 'data'), HOCTAP_ADMIN_DIST: resolve(distDir) }, REPO_ROOT);
  const server = await startServer(config);
  return {
    url: server.url,
    server,
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
