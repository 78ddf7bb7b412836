/**
 * Demo groups for the Phú Thọ demo year, created through the API like the rest of it: the three
 * pilot agencies with their staff, a school, households of demo people, a clan and a village.
 */

/** Calls the API as a signed-in officer (see demo-year.ts). */
export type DemoCall = (method: string, path: string, body?: unknown, contentType?: string) => Promise<Record<string, unknown>>;

/** A demo person already recorded: id, name, sex, the pilot unit they work in. */
export interface DemoPerson {
  readonly id: string;
  readonly name: string;
  readonly sex: 'male' | 'female';
  readonly unit?: string;
}

/** What was created. */
export interface DemoGroupsReport {
  readonly groups: number;
  readonly memberships: number;
}

/** The agencies of the pilot plan, as units (the plan names their Party committees). */
const AGENCIES: Record<string, string> = {
  'Đảng bộ Sở Tài nguyên và Môi trường': 'Sở Tài nguyên và Môi trường tỉnh Phú Thọ',
  'Đảng bộ Cục Thuế tỉnh': 'Cục Thuế tỉnh Phú Thọ',
  'Đảng bộ Sở Y tế': 'Sở Y tế tỉnh Phú Thọ',
};

const VILLAGES = ['Làng Hùng Lô', 'Khu Kim Đức', 'Khu Phượng Lâu'];

/** "ông" or "bà" before a name: the middle names Thị and Văn say it, else the recorded sex. */
function honorific(p: DemoPerson): 'ông' | 'bà' {
  if (/ Thị /.test(p.name)) return 'bà';
  if (/ Văn /.test(p.name)) return 'ông';
  return p.sex === 'male' ? 'ông' : 'bà';
}

/**
 * Creates the demo groups for people of province 25 (they belong to no commune, as the province
 * pilot's people do), with memberships starting on plausible past dates.
 */
export async function seedDemoGroups(call: DemoCall, people: readonly DemoPerson[]): Promise<DemoGroupsReport> {
  let groups = 0;
  let memberships = 0;
  const group = async (path: string, body: Record<string, unknown>) => {
    groups++;
    return (await call('POST', `/api/${path}`, { province: '25', ...body })).id as string;
  };
  const member = async (path: string, id: string, personId: string, validFrom: string, role: 'head' | 'member' = 'member', validTo?: string) => {
    memberships++;
    await call('POST', `/api/${path}/${id}/members`, { personId, role, validFrom, ...(validTo ? { validTo } : {}) });
  };

  // The pilot agencies, every staff member from 2015; the first named is the head.
  for (const [unitName, agency] of Object.entries(AGENCIES)) {
    const staff = people.filter((p) => p.unit === unitName);
    if (!staff.length) continue;
    const id = await group('units', { name: agency, type: 'agency' });
    for (const [i, p] of staff.entries()) await member('units', id, p.id, '2015-01-01', i === 0 ? 'head' : 'member');
  }

  // A school whose teachers include a few of them (one moved to an agency in 2017).
  const school = await group('units', { name: 'Trường THCS Lê Quý Đôn, thành phố Việt Trì', type: 'school' });
  for (const [i, p] of people.slice(0, 4).entries()) await member('units', school, p.id, '2009-09-01', i === 0 ? 'head' : 'member', i === 3 ? '2017-08-01' : undefined);

  // Households: people grouped by family name, a head and one or two others.
  const byFamily = new Map<string, DemoPerson[]>();
  for (const p of people) {
    const family = p.name.split(' ')[0]!;
    byFamily.set(family, [...(byFamily.get(family) ?? []), p]);
  }
  let h = 0;
  for (const members of byFamily.values()) {
    for (let i = 0; i + 1 < members.length && h < 8; i += 3, h++) {
      const head = members[i]!;
      const id = await group('households', { name: `Hộ ${honorific(head)} ${head.name}`, village: VILLAGES[h % VILLAGES.length] });
      await member('households', id, head.id, '2005-03-15', 'head');
      for (const p of members.slice(i + 1, i + 3)) await member('households', id, p.id, '2005-03-15');
    }
  }

  // A clan of the Nguyễn family name, and the village of Hùng Lô with its residents.
  const nguyen = people.filter((p) => p.name.startsWith('Nguyễn '));
  if (nguyen.length) {
    const clan = await group('clans', { name: 'Dòng họ Nguyễn làng Hùng Lô' });
    for (const [i, p] of nguyen.slice(0, 12).entries()) await member('clans', clan, p.id, '2000-01-01', i === 0 ? 'head' : 'member');
  }
  const village = await group('communities', { name: 'Làng Hùng Lô', type: 'village' });
  for (const p of people.slice(0, 15)) await member('communities', village, p.id, '2000-01-01');
  return { groups, memberships };
}
