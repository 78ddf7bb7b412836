/**
 * The load generator (a separate process): POSTs self-assessments at a fixed rate (open loop: each
 * request is scheduled at start + i/rate whatever the previous ones did, and its latency is counted
 * from its scheduled time, so a stall is not hidden), for a bounded count; prints JSON.
 *   node bench/api/loadgen.ts <config.json>
 */
import http from 'node:http';
import { readFileSync } from 'node:fs';

interface Config { url: string; cookie: string; csrf: string; ids: string[]; rate: number; seconds: number; body: string }
const cfg = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Config;
const target = new URL(cfg.url);
if (target.hostname !== '127.0.0.1') throw new Error('loopback targets only');
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
const count = Math.min(cfg.ids.length, Math.round(cfg.rate * cfg.seconds));
const latencies: number[] = [];
const serviceTimes: number[] = [];
const statuses: Record<string, number> = {};
let errors = 0;
let finished = 0;
const start = performance.now() + 100;

function send(i: number): Promise<void> {
  const scheduled = start + (i * 1000) / cfg.rate;
  return new Promise((done) => {
    const sent = performance.now();
    const req = http.request(
      { host: target.hostname, port: target.port, path: `/api/registrations/${cfg.ids[i]}/self-assessment`, method: 'POST', agent,
        headers: { 'content-type': 'application/json', cookie: cfg.cookie, 'x-csrf-token': cfg.csrf, 'content-length': Buffer.byteLength(cfg.body) } },
      (res) => {
        res.resume();
        res.on('end', () => {
          const now = performance.now();
          latencies.push(now - scheduled);
          serviceTimes.push(now - sent);
          statuses[res.statusCode!] = (statuses[res.statusCode!] ?? 0) + 1;
          if (res.statusCode !== 200) errors++;
          finished++;
          done();
        });
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    req.on('error', () => {
      errors++;
      statuses['error'] = (statuses['error'] ?? 0) + 1;
      finished++;
      done();
    });
    req.end(cfg.body);
  });
}

const pending: Promise<void>[] = [];
for (let i = 0; i < count; i++) {
  const wait = start + (i * 1000) / cfg.rate - performance.now();
  if (wait > 1) await new Promise((r) => setTimeout(r, wait));
  pending.push(send(i));
}
const sentAll = performance.now();
await Promise.all(pending);
const end = performance.now();
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
};
agent.destroy();
console.log(JSON.stringify({
  requests: count, finished, errors, statuses,
  offeredRate: cfg.rate, achievedRate: finished / ((end - start) / 1000), sendSeconds: (sentAll - start) / 1000, seconds: (end - start) / 1000,
  p50: pct(latencies, 50), p95: pct(latencies, 95), p99: pct(latencies, 99), max: pct(latencies, 100),
  serviceP50: pct(serviceTimes, 50), serviceP99: pct(serviceTimes, 99),
}));
