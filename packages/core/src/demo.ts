/**
 * Realistic, reproducible demo data: a seeded generator of Vietnamese names and of subjects
 * scored against a model. Pure: the seed decides everything.
 */
import type { Model } from './model.js';
import type { Subject } from './subject.js';

/** A seeded pseudo-random generator (mulberry32) returning numbers in [0, 1). */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: () => number, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;

// Common Vietnamese surnames, roughly by frequency.
const SURNAMES = ['Nguyễn', 'Nguyễn', 'Nguyễn', 'Trần', 'Trần', 'Lê', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Hà', 'Đào', 'Cao', 'Lương'];
const MIDDLE_M = ['Văn', 'Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Thanh', 'Công', 'Xuân', 'Ngọc', 'Trọng', 'Hoàng'];
const MIDDLE_F = ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh', 'Minh', 'Hồng', 'Phương', 'Kim', 'Bích'];
const GIVEN_M = ['An', 'Bình', 'Cường', 'Dũng', 'Đức', 'Hải', 'Hiếu', 'Hùng', 'Huy', 'Khánh', 'Long', 'Minh', 'Nam', 'Phong', 'Quân', 'Sơn', 'Thắng', 'Thành', 'Trung', 'Tuấn', 'Việt', 'Vinh'];
const GIVEN_F = ['Anh', 'Chi', 'Dung', 'Giang', 'Hà', 'Hằng', 'Hạnh', 'Hoa', 'Hương', 'Lan', 'Linh', 'Mai', 'Nga', 'Ngọc', 'Nhung', 'Oanh', 'Phương', 'Thảo', 'Trang', 'Uyên', 'Vân', 'Yến'];

/** A realistic Vietnamese full name. */
export function demoName(rng: () => number): { name: string; sex: 'nam' | 'nữ' } {
  const female = rng() < 0.5;
  const name = `${pick(rng, SURNAMES)} ${pick(rng, female ? MIDDLE_F : MIDDLE_M)} ${pick(rng, female ? GIVEN_F : GIVEN_M)}`;
  return { name, sex: female ? 'nữ' : 'nam' };
}

/** A demo subject: a subject with a display name. */
export interface DemoSubject extends Subject {
  readonly id: string;
  readonly name: string;
}

export interface DemoOptions {
  readonly seed: number;
  readonly count: number;
  readonly year: number;
  /** Prefix of the generated ids. */
  readonly idPrefix?: string;
  /** Share of subjects who score well (default 0.65). */
  readonly goodShare?: number;
  /** Titles the members hold, for frameworks judged on their members (e.g. "Công dân học tập"). */
  readonly memberTitles?: readonly string[];
  /** How many members each subject has, for member ratios (default 0: no members). */
  readonly members?: { readonly min: number; readonly max: number };
  /** Give each subject a history of the years before, holding the framework's first title. */
  readonly historyYears?: number;
}

/** Generates subjects with realistic scores, evidence, attributes, facts, history and members for a model. */
export function generateSubjects(model: Model, opts: DemoOptions): DemoSubject[] {
  const rng = createRng(opts.seed);
  const out: DemoSubject[] = [];
  const good = opts.goodShare ?? 0.65;
  const firstTitle = model.titles[0];
  for (let k = 0; k < opts.count; k++) {
    const group = model.groups.length > 0 ? pick(rng, model.groups).id : undefined;
    const strong = rng() < good;
    const scores: Record<string, number> = {};
    const evidence: Record<string, boolean> = {};
    for (const ind of model.indicators) {
      if (ind.onlyFor.length > 0 && (group === undefined || !ind.onlyFor.includes(group))) continue;
      if (ind.measure.kind === 'member-ratio') continue;
      const max = (group !== undefined ? ind.variants[group]?.max : undefined) ?? ind.max;
      if (ind.measure.kind === 'yes-no') {
        scores[ind.id] = rng() < (strong ? 0.95 : 0.6) ? max : 0;
      } else if (ind.measure.kind === 'measured') {
        scores[ind.id] = Math.round((strong ? 70 + rng() * 30 : 30 + rng() * 50) * 10) / 10;
      } else {
        const q = strong ? 0.72 + rng() * 0.28 : 0.35 + rng() * 0.5;
        scores[ind.id] = Math.min(max, Math.round((max * q) / ind.step) * ind.step);
      }
      if (ind.needsEvidence || model.rules.evidenceForAll) evidence[ind.id] = rng() < (strong ? 0.97 : 0.8);
    }
    const attributes: Record<string, string> = {};
    for (const a of model.attributes) if (a.values.length > 0) attributes[a.id] = pick(rng, a.values);
    const facts = model.facts.filter(() => rng() < (strong ? 0.85 : 0.4)).map((f) => f.id);
    const history: Record<string, string[]> = {};
    if (firstTitle && opts.historyYears) {
      for (let y = 1; y <= opts.historyYears; y++) if (rng() < (strong ? 0.85 : 0.4)) history[String(opts.year - y)] = [firstTitle.name];
    }
    let members: DemoSubject[] | undefined;
    if (opts.members && opts.members.max > 0) {
      const n = opts.members.min + Math.floor(rng() * (opts.members.max - opts.members.min + 1));
      members = [];
      for (let j = 0; j < n; j++) {
        const p = demoName(rng);
        const holds = rng() < (strong ? 0.93 : 0.55);
        members.push({
          id: `${opts.idPrefix ?? 'tv'}-${k + 1}-${j + 1}`,
          name: p.name,
          titles: holds ? [...(opts.memberTitles ?? [])] : [],
          facts: model.facts.filter(() => rng() < (strong ? 0.95 : 0.6)).map((f) => f.id),
        });
      }
    }
    const person = demoName(rng);
    out.push({
      id: `${opts.idPrefix ?? 'dt'}-${String(k + 1).padStart(4, '0')}`,
      name: person.name,
      year: opts.year,
      ...(group !== undefined ? { group } : {}),
      scores,
      ...(Object.keys(evidence).length ? { evidence } : {}),
      ...(Object.keys(attributes).length ? { attributes } : {}),
      ...(facts.length ? { facts } : {}),
      ...(Object.keys(history).length ? { history } : {}),
      ...(members ? { members } : {}),
    });
  }
  return out;
}
