/**
 * A small timing harness: calibrated batches, warm-up, interleaved rounds, median and spread.
 * Time comes from process.hrtime.bigint(); a full GC (when node runs with --expose-gc) runs
 * before each timed batch so one implementation's garbage is not collected on another's clock.
 */

/** Runs `n` operations and returns a checksum of their results (kept so no work is optimised away). */
export type Batch = (n: number) => number | Promise<number>;

/** One timed batch: its duration in ms, measured where it ran, and its checksum. */
export interface Timed {
  readonly ms: number;
  readonly sum: number;
}

export interface Case {
  readonly key: string;
  readonly name: string;
  /** Runs a batch of `n` operations (after a GC) and times it. */
  readonly run: (n: number) => Promise<Timed>;
  /** Ends the case (a worker, say). */
  readonly close?: () => Promise<unknown>;
}

export interface Stats {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** (max − min) / median. */
  readonly spread: number;
  readonly samples: readonly number[];
}

export interface ThroughputResult {
  readonly key: string;
  readonly name: string;
  /** Operations per second over the timed rounds. */
  readonly opsPerSec: Stats;
  /** Operations in each timed batch. */
  readonly batchSize: number;
  readonly checksum: number;
}

const gc: (() => void) | undefined = (globalThis as { gc?: () => void }).gc;
export const hasGc = gc !== undefined;

export function collect(): void {
  gc?.();
}

export function stats(samples: readonly number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  const min = s[0]!;
  const max = s[s.length - 1]!;
  return { median, min, max, spread: median > 0 ? (max - min) / median : 0, samples };
}

const now = () => process.hrtime.bigint();
const ms = (a: bigint, b: bigint) => Number(b - a) / 1e6;

/** Runs a batch in this thread: GC, then timed. */
export function local(batch: Batch): (n: number) => Promise<Timed> {
  return async (n) => {
    collect();
    const t0 = now();
    let sum = batch(n);
    if (typeof sum !== 'number') sum = await sum;
    return { ms: ms(t0, now()), sum };
  };
}

/**
 * Runs a batch in a worker thread — its own V8 isolate — loaded from `url` with `data`. The worker
 * answers `{ ready: true }` once set up, then `{ ms, sum }` for each `{ n }` it is sent.
 */
export async function inWorker(url: URL, data: unknown): Promise<{ run: (n: number) => Promise<Timed>; close: () => Promise<number> }> {
  const { Worker } = await import('node:worker_threads');
  const w = new Worker(url, { workerData: data });
  let pending: { resolve: (t: Timed) => void; reject: (e: unknown) => void } | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    w.once('error', reject);
    w.once('message', () => resolve());
  });
  await ready;
  w.on('message', (t: Timed) => pending?.resolve(t));
  w.on('error', (e) => pending?.reject(e));
  return {
    run: (n) =>
      new Promise<Timed>((resolve, reject) => {
        pending = { resolve, reject };
        w.postMessage({ n });
      }),
    close: () => w.terminate(),
  };
}

/** Finds a batch size that takes about `targetMs`. */
async function calibrate(run: Case['run'], targetMs: number): Promise<{ n: number; sum: number }> {
  let n = 1;
  let sum = 0;
  for (;;) {
    const t = await run(n);
    sum += t.sum;
    if (t.ms >= targetMs / 4 || n >= 1 << 30) return { n: Math.max(1, Math.round((n * targetMs) / Math.max(t.ms, 1e-3))), sum };
    n *= t.ms < 1 ? 16 : 2;
  }
}

export interface ThroughputOptions {
  /** Warm-up time per case before calibration, ms. */
  readonly warmupMs: number;
  /** Target duration of one timed batch, ms. */
  readonly batchMs: number;
  /** Timed rounds; in each, every case runs one batch (order rotated from round to round). */
  readonly rounds: number;
  readonly log?: (s: string) => void;
}

/** Measures the throughput of several cases side by side, in interleaved rounds. */
export async function throughput(cases: readonly Case[], o: ThroughputOptions): Promise<ThroughputResult[]> {
  const log = o.log ?? (() => {});
  const sizes: number[] = [];
  const sums = cases.map(() => 0);
  for (const [k, c] of cases.entries()) {
    const start = now();
    while (ms(start, now()) < o.warmupMs) sums[k]! += (await calibrate(c.run, 50)).sum;
    const cal = await calibrate(c.run, o.batchMs);
    sums[k]! += cal.sum;
    sizes.push(cal.n);
    log(`  warmed up ${c.name}: ${cal.n} operations per batch`);
  }
  const samples: number[][] = cases.map(() => []);
  for (let r = 0; r < o.rounds; r++) {
    for (let j = 0; j < cases.length; j++) {
      const k = (j + r) % cases.length;
      const t = await cases[k]!.run(sizes[k]!);
      sums[k]! += t.sum;
      samples[k]!.push((sizes[k]! * 1000) / t.ms);
    }
    log(`  round ${r + 1}/${o.rounds}: ${cases.map((c, k) => `${c.key} ${fmtInt(samples[k]![r]!)}/s`).join(', ')}`);
  }
  return cases.map((c, k) => ({ key: c.key, name: c.name, opsPerSec: stats(samples[k]!), batchSize: sizes[k]!, checksum: sums[k]! }));
}

/**
 * Times single runs of slow operations side by side (ms per run): `warmup` untimed runs of each,
 * then `runs` timed rounds, each running every operation once. Returns stats per operation and a
 * checksum of what the operations returned.
 */
export function timeRuns(fns: Readonly<Record<string, () => number>>, warmup: number, runs: number): { stats: Record<string, Stats>; checksum: number } {
  const keys = Object.keys(fns);
  let checksum = 0;
  for (let i = 0; i < warmup; i++) for (const k of keys) checksum += fns[k]!();
  const out: Record<string, number[]> = Object.fromEntries(keys.map((k) => [k, []]));
  for (let i = 0; i < runs; i++) {
    for (const k of keys) {
      collect();
      const t0 = now();
      checksum += fns[k]!();
      out[k]!.push(ms(t0, now()));
    }
  }
  return { stats: Object.fromEntries(keys.map((k) => [k, stats(out[k]!)])), checksum };
}

export function fmtInt(x: number): string {
  return Math.round(x).toLocaleString('en-US');
}

/** How busy the machine was during a run: other processes' share of the CPU time, steal time, load average. */
export interface Noise {
  readonly seconds: number;
  /** Share of the machine's CPU time used by other processes (busy time from `os.cpus()` less this process's `process.cpuUsage()`). */
  readonly others: number;
  /** Share the hypervisor gave to other virtual machines (Linux `/proc/stat` steal), when known. */
  readonly steal?: number;
  readonly loadBefore: readonly number[];
  readonly loadAfter: readonly number[];
}

/**
 * Starts measuring the machine's noise as bench/run.ts records it; call the returned function at
 * the end. `ownCpuMs` adds CPU time of this run spent outside this process (a database server's, say)
 * so it is not counted as other processes'.
 */
export async function noiseMeter(): Promise<(ownCpuMs?: number) => Noise> {
  const os = await import('node:os');
  const { readFileSync } = await import('node:fs');
  const busy = () => os.cpus().reduce((a, c) => a + c.times.user + c.times.nice + c.times.sys + c.times.irq, 0);
  const steal = (): number | undefined => {
    try {
      return Number(readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/)[8]) * 10;
    } catch {
      return undefined;
    }
  };
  const t0 = now();
  const loadBefore = os.loadavg();
  const busy0 = busy();
  const steal0 = steal();
  const own0 = process.cpuUsage();
  return (ownCpuMs = 0) => {
    const elapsedMs = ms(t0, now());
    const capacity = elapsedMs * os.cpus().length;
    const own = process.cpuUsage(own0);
    const s1 = steal();
    return {
      seconds: elapsedMs / 1000,
      others: Math.max(0, busy() - busy0 - (own.user + own.system) / 1000 - ownCpuMs) / capacity,
      ...(steal0 !== undefined && s1 !== undefined ? { steal: (s1 - steal0) / capacity } : {}),
      loadBefore,
      loadAfter: os.loadavg(),
    };
  };
}

/** The noise line of a results file, as RESULTS.md words it. */
export function noiseLine(n: Noise): string {
  const load = (l: readonly number[]) => l.map((x) => x.toFixed(2)).join(' / ');
  return `Whole run: ${n.seconds.toFixed(1)} s. Other processes used **${(n.others * 100).toFixed(0)} %** of the machine's CPU time meanwhile${n.steal !== undefined ? `, and the hypervisor gave **${(n.steal * 100).toFixed(0)} %** of it to other virtual machines (steal time)` : ''} (load average ${load(n.loadBefore)} before, ${load(n.loadAfter)} after)${n.others + (n.steal ?? 0) > 0.1 ? ': the machine was busy, so the numbers are pessimistic and noisy.' : '.'}`;
}
