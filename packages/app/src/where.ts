/** Where a new row goes: the caller's locality rules for filing people, groups and accounts. */
import { provincesOfCommune, type Database, type Scope } from '@hoctap/db';
import type { Kysely } from 'kysely';
import { AppError, outOfScope } from './errors.js';

/**
 * Where a new row goes: the caller's province (a national caller must name it) and a commune the
 * caller may write (a commune caller must name one of its communes).
 */
export function writeLocality(scope: Scope, body: { province?: string | undefined; commune?: string | null | undefined }): { province: string; commune: string | null } {
  const commune = body.commune ?? null;
  if (scope.role === 'national') {
    if (!body.province) throw new AppError('invalid', 'PROVINCE_REQUIRED', 'Cần ghi mã tỉnh (`province`)', '`province` is required');
    return { province: body.province, commune };
  }
  if (body.province && body.province !== scope.province) throw outOfScope();
  if (scope.role === 'commune' && (commune === null || !scope.communes.includes(commune))) throw outOfScope();
  return { province: scope.province, commune };
}

/**
 * When the administrative units are loaded, a commune must belong to the province it is filed
 * under (a province admin cannot file rows under another province's commune codes).
 */
export async function assertCommuneInProvince(trx: Kysely<Database>, province: string, commune: string | null): Promise<void> {
  if (!commune) return;
  const provinces = await provincesOfCommune(trx, commune);
  if (provinces.length && !provinces.includes(province))
    throw new AppError('unprocessable', 'COMMUNE_NOT_IN_PROVINCE', `Xã ${commune} không thuộc tỉnh ${province}`, `Commune ${commune} is not in province ${province}`);
}
