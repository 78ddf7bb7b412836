/**
 * First-start seeding from the plugins: administrative units, published frameworks and a demo
 * year of realistic people. Runs once: it does nothing when the database already has units.
 */
import { createCitizenIdCipher, createPerson, publishFramework, type Database } from '@hoctap/db';
import type { Registry } from '@hoctap/core';
import type { Kysely } from 'kysely';

const TITLE_CODE: Record<string, string> = {
  citizen: 'learning-citizen',
  household: 'learning-family',
  clan: 'learning-clan',
  community: 'learning-community',
  commune: 'learning-community',
  unit: 'learning-unit',
};

/** What the seed wrote. */
export interface SeedReport {
  readonly seeded: boolean;
  readonly units: number;
  readonly frameworks: number;
  readonly people: number;
}

/** Seeds an empty database; returns what it did. */
export async function seedIfEmpty(db: Kysely<Database>, registry: Registry, dataKey: string): Promise<SeedReport> {
  const existing = await db.selectFrom('administrative_units').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) return { seeded: false, units: Number(existing.n), frameworks: 0, people: 0 };
  const cipher = createCitizenIdCipher(dataKey);
  return db.transaction().execute(async (trx) => {
    const seen = new Set<string>();
    let units = 0;
    // Provinces first, so that communes and successors can point at them.
    // Current units before former ones: a code kept across the 2025 merger (Yên Bái's 15 is now
    // Lào Cai's) is stored once, as the unit that holds it today.
    const rank = (l: { level: string; validTo?: string }) => (l.level === 'province' ? 0 : 2) + (l.validTo ? 1 : 0);
    const localities = registry.plugins.flatMap((p) => p.localities).sort((a, b) => rank(a) - rank(b));
    for (const l of localities) {
      if (seen.has(l.code)) continue;
      seen.add(l.code);
      await trx
        .insertInto('administrative_units')
        .values({
          code: l.code,
          level: l.level,
          name: l.name,
          province_code: l.province ?? null,
          // A unit that ended in 2025 started before our records: its start is unknown.
          valid_from: l.validFrom ?? (l.validTo ? '1900-01-01' : '2025-07-01'),
          valid_to: l.validTo ?? null,
          successor_code: l.successor && l.successor !== l.code ? l.successor : null,
        })
        .execute();
      units++;
    }
    // Frameworks shipped by plugins are published by the platform itself, an account nobody can
    // sign in to (its password hash matches no password).
    const system = await trx
      .insertInto('users')
      .values({ email: 'he-thong@hoctap.invalid', display_name: 'Hệ thống (plugin)', password_hash: '!', roles: ['system'], localities: [] })
      .returning('id')
      .executeTakeFirstOrThrow();
    let frameworks = 0;
    for (const f of registry.frameworks) {
      await publishFramework(trx, {
        plugin: f.plugin,
        version: `${f.model.id}@${registry.plugins.find((p) => p.id === f.plugin)?.version ?? '0.0.0'}`,
        title: TITLE_CODE[f.model.subject] ?? 'learning-citizen',
        sourceText: f.source,
        effectiveFrom: f.model.effective?.from ?? '2000-01-01',
        effectiveTo: f.model.effective?.to ?? null,
        publishedBy: system.id,
      });
      frameworks++;
    }
    let people = 0;
    for (const p of registry.plugins) {
      // Phú Thọ's people come with their whole year, through the API (demo-year.ts).
      if (!p.demo || p.id === 'phu-tho') continue;
      const sets = p.demo({ seed: 2026, model: (id) => registry.get(id).model });
      for (const set of sets) {
        const model = registry.get(set.framework).model;
        if (model.subject !== 'citizen') continue;
        const province = set.locality ?? model.locality?.code ?? p.localities.find((l) => l.level === 'province' && !l.validTo)?.code;
        if (!province) continue;
        for (const s of set.subjects) {
          await createPerson(trx, cipher, { province, commune: null, fullName: s.name });
          people++;
        }
      }
    }
    return { seeded: true, units, frameworks, people };
  });
}
