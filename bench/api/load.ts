/**
 * Bench (c): submit-assessment throughput and latency under load, from a second process on
 * loopback. Starts the real server (`apps/server/dist/main.js`, PostgreSQL through DATABASE_URL to
 * a temporary database, demo seed) in a child process, signs in as the demo officer, registers
 * 10,000 people (two bulk requests of 5,000), then runs `loadgen.ts` in another process at a fixed
 * rate and reads its JSON.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { generatePeopleCsv, tempDatabase } from './common.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface LoadBench {
  rate: number;
  seconds: number;
  requests: number;
  finished: number;
  errors: number;
  statuses: Record<string, number>;
  achievedRate: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  serviceP50: number;
  serviceP99: number;
  serverCpuPercent?: number;
  /** The warm-up before the measured window (same rate, not counted above). */
  warmup?: { seconds: number; requests: number; errors: number; p50: number; p99: number; max: number };
  /** The same run at lower offered rates. */
  lower?: LoadBench[];
}

/** Starts `apps/server/dist/main.js` on a port; resolves when it listens. */
export async function startServerProcess(env: Record<string, string>, port: number): Promise<ChildProcess> {
  // BENCH_SERVER_NODE_ARGS, e.g. `--cpu-prof --cpu-prof-dir=prof`, profiles the server under load.
  const nodeArgs = (process.env['BENCH_SERVER_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, join(root, 'apps/server/dist/main.js')], { env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  // BENCH_SERVER_LOG=<file> keeps the server's output (e.g. with BENCH_SERVER_NODE_ARGS=--trace-gc).
  const logFile = process.env['BENCH_SERVER_LOG'];
  const keep = (d: Buffer) => {
    if (logFile) appendFileSync(logFile, d);
    else out += d;
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${out}`);
    if (Date.now() > deadline) throw new Error(`server did not start: ${out}`);
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok).catch(() => false);
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function signIn(base: string, email: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (login.status !== 200) throw new Error(`login ${login.status}`);
  return { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: ((await login.json()) as { csrfToken: string }).csrfToken };
}

/**
 * `warmupSeconds`: each run first sends that many seconds of the same rate, reported apart — a
 * server just started has cold code (JIT), cold database caches and unprepared statements.
 */
export async function benchLoad(rate = 500, seconds = 20, log: (s: string) => void = console.log, lowerRates: number[] = [400, 300], warmupSeconds = 5): Promise<LoadBench> {
  const tmp = await tempDatabase('hoctap_bench_load');
  const port = 39000 + Math.floor(Math.random() * 1000);
  const dir = mkdtempSync(join(tmpdir(), 'hoctap-load-'));
  let server: ChildProcess | undefined;
  try {
    server = await startServerProcess({ DATABASE_URL: tmp.url, HOCTAP_DATA_KEY: randomBytes(32).toString('hex'), HOCTAP_DATA_DIR: dir, HOCTAP_ADMIN_DIST: dir }, port);
    const base = `http://127.0.0.1:${port}`;
    const s = await signIn(base, 'canbo.phutho@hoctap.local', 'can-bo-phu-tho-2026');
    const h = { cookie: s.cookie, 'x-csrf-token': s.csrf };
    const campaigns = (await (await fetch(`${base}/api/campaigns`, { headers: h })).json()) as { items: { id: string }[] };
    const campaignId = campaigns.items[0]!.id;
    const n = Math.round(rate * seconds);
    const ids: string[] = [];
    for (let k = 0; ids.length < n; k++) {
      const csv = generatePeopleCsv(5000, 500 + k).replace(/,025(\d)(\d\d)(\d{6}),/g, (_m, d, y, r) => `,0${30 + k}${d}${y}${r},`).replace(/,0790\d,|,0791\d,/g, ',');
      const res = await fetch(`${base}/api/campaigns/${campaignId}/registrations/bulk`, { method: 'POST', headers: { ...h, 'content-type': 'text/csv' }, body: csv });
      const out = (await res.json()) as { rows?: { registrationId: string }[]; errors?: unknown[] };
      if (res.status !== 200 || !out.rows?.length) throw new Error(`bulk ${res.status} ${JSON.stringify(out).slice(0, 300)}`);
      ids.push(...out.rows.map((r) => r.registrationId));
    }
    // This machine's PostgreSQL runs with autovacuum off; a production server's would have
    // analysed and vacuumed the tables after a load like this one.
    const admin = new pg.Client({ connectionString: tmp.url });
    await admin.connect();
    await admin.query('VACUUM ANALYZE');
    await admin.end();
    log(`  server on PostgreSQL (temporary database), ${ids.length} registrations ready, VACUUM ANALYZE done`);
    // Scores of the demo year's first subject are not needed: every indicator at its maximum is a valid self-score.
    const fw = (await (await fetch(`${base}/api/frameworks/phu-tho/cdht-phu-tho-2018`)).json()) as { indicators?: { id: string; max: number }[]; model?: { indicators: { id: string; max: number }[] } };
    const indicators = fw.indicators ?? fw.model?.indicators ?? [];
    const body = JSON.stringify({ scores: Object.fromEntries(indicators.map((i) => [i.id, i.max])) });
    const probe = await fetch(`${base}/api/registrations/${ids.pop()}/self-assessment`, { method: 'POST', headers: { ...h, 'content-type': 'application/json' }, body });
    const probeText = await probe.text();
    if (probe.status !== 200) throw new Error(`self-assessment probe ${probe.status} ${probeText.slice(0, 300)}`);
    log(`  one self-assessment: request ${Buffer.byteLength(body)} bytes, response ${Buffer.byteLength(probeText)} bytes`);
    // The goal's rate first, then lower rates on the same registrations (a self-assessment may be
    // saved again): where the server keeps up, and its latency there.
    const runAt = async (r: number) => {
      const cfgFile = join(dir, `load-${r}.json`);
      writeFileSync(cfgFile, JSON.stringify({ url: base, cookie: s.cookie, csrf: s.csrf, ids, rate: r, seconds, body, warmupSeconds }));
      const cpu0 = await cpuOf(server!.pid!);
      const t0 = Date.now();
      const result = await new Promise<string>((ok, fail) => {
        const gen = spawn(process.execPath, [join(root, 'bench/api/loadgen.ts'), cfgFile], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        gen.stdout!.on('data', (d) => (out += d));
        gen.on('exit', (code) => (code === 0 ? ok(out) : fail(new Error(`loadgen exited ${code}`))));
      });
      const serverCpuPercent = cpu0 === undefined ? undefined : (((await cpuOf(server!.pid!))! - cpu0) / ((Date.now() - t0) / 1000)) * 100;
      const res = JSON.parse(result) as LoadBench;
      log(`  ${r} req/s offered: ${Math.round(res.achievedRate)} achieved, p50 ${res.p50.toFixed(1)} ms, p99 ${res.p99.toFixed(1)} ms, ${res.errors} errors${res.warmup ? ` (warm-up ${res.warmup.seconds} s: p99 ${res.warmup.p99.toFixed(1)} ms)` : ''}`);
      return { ...res, rate: r, seconds, ...(serverCpuPercent !== undefined ? { serverCpuPercent } : {}) };
    };
    const main = await runAt(rate);
    const lower: LoadBench[] = [];
    for (const r of lowerRates) {
      await new Promise((ok) => setTimeout(ok, 3000)); // let the queue drain
      lower.push(await runAt(r));
    }
    return { ...main, lower };
  } finally {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((r) => server!.once('exit', r));
    }
    rmSync(dir, { recursive: true, force: true });
    await tmp.drop();
  }
}

/** CPU seconds used by a process so far (Linux /proc), or undefined. */
async function cpuOf(pid: number): Promise<number | undefined> {
  try {
    const { readFileSync } = await import('node:fs');
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return undefined;
  }
}

// node bench/api/load.ts [rate] [seconds] [lower rates, comma-separated, "" for none] [warm-up seconds]
if (import.meta.url === `file://${process.argv[1]}`) {
  const lower = process.argv[4] === undefined ? undefined : process.argv[4].split(',').filter(Boolean).map(Number);
  console.log(JSON.stringify(await benchLoad(Number(process.argv[2] ?? 500), Number(process.argv[3] ?? 20), console.log, lower, Number(process.argv[5] ?? 5)), null, 2));
}
