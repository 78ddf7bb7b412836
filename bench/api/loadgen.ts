/**
 * The load generator (a separate process): POSTs self-assessments at a fixed rate (open loop: each
 * request is scheduled at start + i/rate whatever the previous ones did, and its latency is counted
 * from its scheduled time, so a stall is not hidden), for a bounded count; prints JSON.
 * `warmupSeconds`: the same rate for that long first, without a gap, on the same server; those
 * requests are reported apart (`warmup`), the measured window starts after them.
 *   node bench/api/loadgen.ts <config.json>
 */
import http from 'node:http';
import { appendFileSync, readFileSync } from 'node:fs';

interface Config { url: string; cookie: string; csrf: string; ids: string[]; rate: number; seconds: number; body: string; warmupSeconds?: number }
const cfg = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Config;
const target = new URL(cfg.url);
if (target.hostname !== '127.0.0.1') throw new Error('loopback targets only');
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
const count = Math.min(cfg.ids.length, Math.round(cfg.rate * cfg.seconds));
const warmup = Math.round(cfg.rate * (cfg.warmupSeconds ?? 0));
const latencies: number[] = [];
const warmLatencies: number[] = [];
let warmErrors = 0;
const serviceTimes: number[] = [];
const statuses: Record<string, number> = {};
let errors = 0;
let finished = 0;
const start = performance.now() + 100;
// LOADGEN_SLOW_LOG=<file>: one line per request slower than 30 ms (wall-clock ms of its scheduled
// send, latency, service time), to line stalls up with the server's own log.
const slowLog = process.env['LOADGEN_SLOW_LOG'];
const slow: string[] = [];

/** Request k of the schedule: the warm-up ones first (registrations from the end of the list, saved again later), then the measured ones. */
function send(k: number): Promise<void> {
  const scheduled = start + (k * 1000) / cfg.rate;
  const warm = k < warmup;
  const i = warm ? cfg.ids.length - 1 - (k % cfg.ids.length) : k - warmup;
  return new Promise((done) => {
    const sent = performance.now();
    const req = http.request(
      { host: target.hostname, port: target.port, path: `/api/registrations/${cfg.ids[i]}/self-assessment`, method: 'POST', agent,
        headers: { 'content-type': 'application/json', cookie: cfg.cookie, 'x-csrf-token': cfg.csrf, 'content-length': Buffer.byteLength(cfg.body) } },
      (res) => {
        res.resume();
        res.on('end', () => {
          const now = performance.now();
          if (warm) {
            warmLatencies.push(now - scheduled);
            if (res.statusCode !== 200) warmErrors++;
            return done();
          }
          latencies.push(now - scheduled);
          serviceTimes.push(now - sent);
          if (slowLog && now - scheduled > 30) slow.push(`${Math.round(performance.timeOrigin + scheduled)} ${(now - scheduled).toFixed(1)} ${(now - sent).toFixed(1)}`);
          statuses[res.statusCode!] = (statuses[res.statusCode!] ?? 0) + 1;
          if (res.statusCode !== 200) errors++;
          finished++;
          done();
        });
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    req.on('error', () => {
      if (warm) {
        warmErrors++;
        return done();
      }
      errors++;
      statuses['error'] = (statuses['error'] ?? 0) + 1;
      finished++;
      done();
    });
    req.end(cfg.body);
  });
}

const pending: Promise<void>[] = [];
for (let k = 0; k < warmup + count; k++) {
  const wait = start + (k * 1000) / cfg.rate - performance.now();
  if (wait > 1) await new Promise((r) => setTimeout(r, wait));
  pending.push(send(k));
}
const sentAll = performance.now();
await Promise.all(pending);
const end = performance.now();
const measured = start + (warmup * 1000) / cfg.rate;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
};
agent.destroy();
if (slowLog) appendFileSync(slowLog, slow.join('\n') + '\n');
console.log(JSON.stringify({
  requests: count, finished, errors, statuses,
  offeredRate: cfg.rate, achievedRate: finished / ((end - measured) / 1000), sendSeconds: (sentAll - measured) / 1000, seconds: (end - measured) / 1000,
  p50: pct(latencies, 50), p95: pct(latencies, 95), p99: pct(latencies, 99), max: pct(latencies, 100),
  serviceP50: pct(serviceTimes, 50), serviceP99: pct(serviceTimes, 99),
  ...(warmup ? { warmup: { seconds: cfg.warmupSeconds, requests: warmup, errors: warmErrors, p50: pct(warmLatencies, 50), p99: pct(warmLatencies, 99), max: pct(warmLatencies, 100) } } : {}),
}));
