/**
 * Regenerates the sample documents in examples/documents/ from the plugins' seeded demo data, so
 * they never drift from the code. Deterministic: fixed dates, seeded demo subjects, fixed PDF
 * creation dates, a sample signing key derived from a public string (NOT a real key).
 *
 *   npm run documents:samples      (builds first; this script imports the BUILT packages)
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRegistry, evaluate, generateSubjects, type Model } from '@hoctap/core';
import { national } from '@hoctap/plugin-national';
import { phuTho } from '@hoctap/plugin-phu-tho';
import { tanThanh } from '@hoctap/plugin-tan-thanh';
import {
  buildImportTemplateXlsx,
  buildRegistersXlsx,
  buildYearlyReportXlsx,
  createStatusList,
  ed25519FromSeed,
  issueCredential,
  issueStatusListCredential,
  publicKeyFromDidKey,
  renderCertificatePdf,
  renderDecisionPdf,
  renderFormPdf,
  renderRegistersPdf,
  renderScoreSheetPdf,
  renderYearlyReportPdf,
  titleRulesWords,
  verificationMethodOf,
  verifyCredential,
} from '@hoctap/documents';

const out = fileURLToPath(new URL('../../../examples/documents/', import.meta.url));
mkdirSync(out, { recursive: true });
const write = (name: string, data: Buffer | string) => {
  writeFileSync(out + name, data);
  console.log(`  ${name} (${typeof data === 'string' ? data.length : data.length} bytes)`);
};

const registry = createRegistry([national, phuTho, tanThanh]);
const SEED = 2022;
const BASE_URL = 'https://hoctap.example.vn';

// ---- Tân Thạnh 2022: decision, certificate, credential, yearly report ---------------------------
const tt = registry.get('tan-thanh/cdht-tan-thanh-2022').model;
const demo = tanThanh.demo!({ seed: SEED, model: (id: string) => registry.get(id).model })[0]!;
const evaluated = demo.subjects.map((s) => ({ s, r: evaluate(tt, s) }));
const recognised = evaluated.filter((e) => e.r.titles.includes('Công dân học tập'));
const villages = ['Khối phố Mỹ Thạch Bắc', 'Khối phố Mỹ Thạch Đông', 'Khối phố Mỹ Thạch Tây', 'Khối phố Xuân Quý', 'Khối phố Ngọc Nam'];
const villageOf = (i: number) => villages[i % villages.length]!;
const issuer = { name: 'ỦY BAN NHÂN DÂN\nPHƯỜNG TÂN THẠNH', nameInText: 'Ủy ban nhân dân phường Tân Thạnh' };
const signer = { mode: 'KT' as const, onBehalfOf: 'CHỦ TỊCH', position: 'PHÓ CHỦ TỊCH', name: 'Đặng Quốc Việt' };
const decision = { number: '125/QĐ-UBND', date: '2022-12-05', by: 'Chủ tịch Ủy ban nhân dân phường Tân Thạnh' };

write(
  'quyet-dinh-cong-nhan-cdht-tan-thanh-2022.pdf',
  await renderDecisionPdf({
    issuer,
    number: decision.number,
    place: 'Tân Thạnh',
    date: decision.date,
    authority: 'CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG TÂN THẠNH',
    title: 'Công dân học tập',
    year: 2022,
    subjectNoun: 'cá nhân',
    leadingBases: ['Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015'],
    bases: tt.bases,
    proposal: 'Xét đề nghị của Chủ tịch Hội Khuyến học phường Tân Thạnh',
    recognised: recognised.map((e) => ({ name: e.s.name, address: villageOf(demo.subjects.indexOf(e.s)), total: e.r.total })),
    executors: ['Văn phòng HĐND và UBND phường', 'Chủ tịch Hội Khuyến học phường', 'Trưởng các khối phố'],
    signer,
    recipients: ['Như Điều 3', 'Hội Khuyến học thành phố Tam Kỳ (b/c)', 'Đảng ủy, HĐND phường (b/c)', 'Chủ tịch, các PCT UBND phường'],
  }),
);

// The sample key: derived from a public string — never use it for anything real.
const keys = ed25519FromSeed(createHash('sha256').update('hoctap sample key — not secret').digest());
const vm = verificationMethodOf(keys.publicKey);
const ISSUER = { id: 'did:web:hoctap.example.vn:dia-ban:49', name: 'Ủy ban nhân dân phường Tân Thạnh', url: BASE_URL };
const LIST = `${BASE_URL}/status/49/2022`;
const first = recognised[0]!;
const credentialId = 'urn:uuid:00000000-0000-4000-8000-000000000001';
const credential = issueCredential({
  id: credentialId,
  issuer: ISSUER,
  achievement: {
    id: `${BASE_URL}/frameworks/${tt.id}#cdht`,
    name: 'Công dân học tập',
    description: 'Danh hiệu “Công dân học tập” năm 2022, phường Tân Thạnh, thành phố Tam Kỳ',
    narrative: titleRulesWords(tt).join(' '),
  },
  recipient: { name: first.s.name, subjectId: first.s.id, salt: createHash('sha256').update(`salt:${first.s.id}`).digest('base64url').slice(0, 22) },
  decision,
  validFrom: '2022-12-05T00:00:00+07:00',
  status: { statusListCredential: LIST, index: 0 },
  key: { privateKey: keys.privateKey, verificationMethod: vm },
});
const statusList = issueStatusListCredential(createStatusList(), { id: LIST, issuer: { id: ISSUER.id, name: ISSUER.name }, validFrom: '2022-12-05T00:00:00+07:00', key: { privateKey: keys.privateKey, verificationMethod: vm } });
const check = verifyCredential(credential, { resolveKey: (m, i) => (m === vm && i === ISSUER.id ? publicKeyFromDidKey(m) : undefined), statusList, now: '2023-01-01T00:00:00Z' });
if (check.status !== 'valid') throw new Error(`sample credential does not verify: ${check.reason}`);
write('chung-nhan-open-badges-3.json', `${JSON.stringify(credential, null, 2)}\n`);
write('danh-sach-trang-thai.json', `${JSON.stringify(statusList, null, 2)}\n`);
write(
  'giay-cong-nhan-cdht-tan-thanh-2022.pdf',
  await renderCertificatePdf({
    issuer,
    title: 'Công dân học tập',
    year: 2022,
    honorific: first.s.name.split(' ')[1] === 'Thị' ? 'Bà' : 'Ông',
    name: first.s.name,
    address: `${villageOf(demo.subjects.indexOf(first.s))}, phường Tân Thạnh`,
    decision,
    place: 'Tân Thạnh',
    date: decision.date,
    signer,
    registerNo: '01/2022',
    credentialId,
    baseUrl: BASE_URL,
  }),
);

const POP: Record<string, number> = { 'nong-dan': 60, 'cong-nhan': 75, 'tri-thuc': 40 };
const yearly = {
  year: 2022,
  reportingBody: 'UBND phường Tân Thạnh',
  recipient: 'Hội Khuyến học thành phố Tam Kỳ',
  date: '2022-12-10',
  denominatorNote: 'số người thuộc nhóm đối tượng thường trú trên địa bàn (số liệu mẫu, không phải thống kê thật)',
  issuer,
  place: 'Tân Thạnh',
  rows: tt.groups.map((g) => ({
    locality: 'phường Tân Thạnh',
    title: 'Công dân học tập',
    group: g.name,
    registered: demo.subjects.filter((s) => s.group === g.id).length,
    recognised: recognised.filter((e) => e.s.group === g.id).length,
    denominator: POP[g.id] ?? 0,
    target: 20,
  })),
};
write('bao-cao-nam-2022-tan-thanh.xlsx', await buildYearlyReportXlsx(yearly));
write('bao-cao-nam-2022-tan-thanh.pdf', await renderYearlyReportPdf(yearly));

// ---- Phú Thọ 2018: collective registration list, score sheet ------------------------------------
const pt = registry.get('phu-tho/cdht-phu-tho-2018').model;
const ptDemo = phuTho.demo!({ seed: SEED, model: (id: string) => registry.get(id).model })[0]!;
const syt = ptDemo.subjects.filter((s) => s.id.startsWith('syte')).slice(0, 20);
const form = phuTho.forms!.find((f) => f.kind === 'collective-registration')!;
write(
  'dang-ky-tap-the-cdht-phu-tho-2018.pdf',
  await renderFormPdf(form, { date: '2018-05-15', year: 2018, place: 'Việt Trì', values: { 'don-vi': 'Đảng bộ Sở Y tế' }, rows: syt.map((s) => ({ 'ho-ten': s.name, 'chuc-vu': 'Chuyên viên' })), blankRows: 3 }),
);
write('phieu-cham-diem-cdht-phu-tho-2018.pdf', await renderScoreSheetPdf(pt, { year: 2018, date: '2018-05-01' }));
write('mau-nhap-diem-cdht-tan-thanh-2022.xlsx', await buildImportTemplateXlsx('scores', tt));

// ---- Registers (1, 3, 5 years) for households, national "Gia đình học tập" 2016–2020 ------------
const gd: Model = registry.get('national/gdht-2015').model;
const households = generateSubjects(gd, { seed: SEED, count: 30, year: 2020, idPrefix: 'ho', memberTitles: ['Công dân học tập'], members: { min: 3, max: 6 }, historyYears: 4 });
const registersData = {
  title: gd.titles[0]!.name,
  year: 2020,
  locality: 'xã mẫu (dữ liệu mô phỏng)',
  date: '2020-12-10',
  holders: households.map((h, i) => ({
    name: `Hộ ông/bà ${h.name}`,
    address: `Thôn ${(i % 6) + 1}`,
    years: [...Object.keys(h.history ?? {}).map(Number), ...(evaluate(gd, h).titles.length ? [2020] : [])],
  })),
};
write('so-theo-doi-1-3-5-nam-gia-dinh-hoc-tap-2020.xlsx', await buildRegistersXlsx(registersData));
write('so-theo-doi-1-3-5-nam-gia-dinh-hoc-tap-2020.pdf', await renderRegistersPdf(registersData));
console.log(`Samples written to ${out}`);
