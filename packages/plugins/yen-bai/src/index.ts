/**
 * @hoctap/plugin-yen-bai — tỉnh Yên Bái: Kế hoạch 86/KH-UBND ngày 17/05/2016 (seed plan 004),
 * "Triển khai nhân rộng và đánh giá, công nhận các mô hình học tập giai đoạn 2016 – 2020": the four
 * titles "Gia đình học tập", "Dòng họ học tập", "Cộng đồng học tập" (thôn, bản, tổ dân phố) and
 * "Đơn vị học tập" (units managed by the commune), their targets by kind of area, the yearly
 * calendar and the 3- and 5-year titles. The family, clan and community frameworks derive from the
 * national QĐ 448/QĐ-KHVN drafts of `@hoctap/plugin-national`; everything is a draft ("dự thảo")
 * because the 448 annex could be read only in part.
 */
import { readFileSync } from 'node:fs';
import { definePlugin, generateSubjects, type DemoSet, type PluginFile } from '@hoctap/core';

const file = (name: string): PluginFile => ({
  file: `@hoctap/plugin-yen-bai/frameworks/${name}`,
  source: readFileSync(new URL(`../frameworks/${name}`, import.meta.url), 'utf8'),
});

/** The framework ids of this plugin. */
export const YEN_BAI_FRAMEWORKS = {
  family: 'gdht-yen-bai-2016',
  clan: 'dhht-yen-bai-2016',
  community: 'cdoht-yen-bai-2016',
  unit: 'dvht-yen-bai-2016',
} as const;

const KH86 = 'Kế hoạch 86/KH-UBND ngày 17/05/2016 của UBND tỉnh Yên Bái';

/** The Yên Bái plugin (needs `@hoctap/plugin-national` registered with it). */
export const yenBai = definePlugin({
  id: 'yen-bai',
  version: '0.1.0',
  name: 'Yên Bái — Gia đình, Dòng họ, Cộng đồng, Đơn vị học tập 2016–2020',
  description:
    'Kế hoạch 86/KH-UBND (17/05/2016) của UBND tỉnh Yên Bái: bốn danh hiệu học tập trên khung QĐ 448/QĐ-KHVN, chỉ tiêu đến 2020 theo vùng, lịch hằng năm, sổ theo dõi 1 – 3 – 5 năm. Bản dự thảo: các con số chưa đọc được trong khung được ghi là giả định.',
  localities: [
    {
      code: '15',
      name: 'tỉnh Yên Bái',
      level: 'province',
      validTo: '2025-06-30',
      successor: '15',
      note:
        'Mã của tỉnh Yên Bái trước 01/07/2025 không có trong tài liệu tham chiếu của dự án. Theo danh mục cũ (QĐ 124/2004/QĐ-TTg) Yên Bái mang mã 15 — chưa đối chiếu. Từ 01/07/2025 Yên Bái hợp nhất vào tỉnh Lào Cai (trụ sở tại Yên Bái), mang mã 15 (xác nhận theo QĐ 19/2025/QĐ-TTg). Nếu mã cũ khác 15, chỉ cần sửa `code` ở đây và `địa bàn` trong các tệp tiêu chí.',
    },
    {
      code: '15',
      name: 'tỉnh Lào Cai',
      level: 'province',
      validFrom: '2025-07-01',
      note: 'Tỉnh Lào Cai sau hợp nhất với Yên Bái (NQ 202/2025/QH15); mã 15 xác nhận theo QĐ 19/2025/QĐ-TTg. Hồ sơ danh hiệu trước 01/07/2025 của Yên Bái thuộc đơn vị này.',
    },
    {
      code: '04276',
      name: 'xã Tuy Lộc, thành phố Yên Bái',
      level: 'commune',
      province: '15',
      validTo: '2025-06-30',
      note:
        'Mã 04276 theo danh mục đơn vị hành chính cũ (QĐ 124/2004/QĐ-TTg và các lần cập nhật): xã Tuy Lộc thuộc thành phố Yên Bái (mã huyện 132), chưa đối chiếu bản gốc. Là địa bàn của năm mẫu (Gia đình, Dòng họ, Cộng đồng, Đơn vị học tập năm 2018). Từ 01/07/2025 cấp huyện bị bỏ và các xã của thành phố Yên Bái được sắp xếp lại thành phường của tỉnh Lào Cai; đơn vị kế thừa chưa xác nhận nên không ghi.',
    },
  ],
  frameworks: [
    file('gdht-yen-bai-2016.tieuchi'),
    file('dhht-yen-bai-2016.tieuchi'),
    file('cdoht-yen-bai-2016.tieuchi'),
    file('dvht-yen-bai-2016.tieuchi'),
  ],
  forms: [
    {
      id: 'dang-ky-gdht',
      title: 'Phiếu đăng ký phấn đấu đạt danh hiệu "Gia đình học tập"',
      kind: 'registration-slip',
      framework: YEN_BAI_FRAMEWORKS.family,
      source: `${KH86}, mục III.2 ("đăng ký xong trong quý I") và mục IV, Nhiệm vụ 2, hoạt động 3 (tổ chức cho các gia đình … đăng ký). Kế hoạch không kèm mẫu phiếu: các trường dưới đây là đề xuất.`,
      fields: [
        { id: 'chu-ho', label: 'Họ và tên chủ hộ', type: 'text' },
        { id: 'thon', label: 'Thôn, bản, tổ dân phố', type: 'text' },
        { id: 'xa', label: 'Xã, phường, thị trấn', type: 'text' },
        { id: 'so-thanh-vien', label: 'Số thành viên trong gia đình', type: 'number' },
        { id: 'ngay', label: 'Ngày đăng ký', type: 'date' },
        { id: 'ky-ten', label: 'Chủ hộ ký tên', type: 'signature' },
      ],
    },
    {
      id: 'dang-ky-tap-the',
      title: 'Bản đăng ký phấn đấu đạt danh hiệu "Dòng họ học tập" / "Cộng đồng học tập" / "Đơn vị học tập"',
      kind: 'collective-registration',
      source: `${KH86}, mục III.2 và mục IV, Nhiệm vụ 2, hoạt động 3 (dòng họ, cộng đồng, đơn vị đăng ký phấn đấu). Kế hoạch không kèm mẫu: các trường dưới đây là đề xuất.`,
      fields: [
        { id: 'ten', label: 'Tên dòng họ / thôn, bản, tổ dân phố / đơn vị', type: 'text' },
        { id: 'danh-hieu', label: 'Danh hiệu đăng ký', type: 'text' },
        { id: 'so-thanh-vien', label: 'Số gia đình (dòng họ, cộng đồng) hoặc số cán bộ, người lao động (đơn vị)', type: 'number' },
        { id: 'ngay', label: 'Ngày đăng ký', type: 'date' },
        { id: 'nguoi-dai-dien', label: 'Trưởng họ / trưởng thôn / thủ trưởng đơn vị ký tên', type: 'signature' },
      ],
    },
  ],
  // A realistic province-wide sample for 2018: households of 3–6 people, clans of 15–50 households,
  // villages of 60–200 households, commune units of 10–40 staff.
  demo: ({ seed, model }): DemoSet[] => {
    const sets = [
      { id: YEN_BAI_FRAMEWORKS.family, count: 60, prefix: 'yb-gd', members: { min: 3, max: 6 }, memberTitles: [] as string[] },
      { id: YEN_BAI_FRAMEWORKS.clan, count: 24, prefix: 'yb-dh', members: { min: 15, max: 50 }, memberTitles: ['Gia đình học tập'] },
      { id: YEN_BAI_FRAMEWORKS.community, count: 24, prefix: 'yb-th', members: { min: 60, max: 200 }, memberTitles: ['Gia đình học tập'] },
      { id: YEN_BAI_FRAMEWORKS.unit, count: 20, prefix: 'yb-dv', members: { min: 10, max: 40 }, memberTitles: [] as string[] },
    ];
    return sets.map((s, k) => {
      const m = model(s.id);
      return {
        framework: m.id,
        year: 2018,
        locality: '15',
        subjects: generateSubjects(m, { seed: seed + k, count: s.count, year: 2018, idPrefix: s.prefix, goodShare: 0.6, members: s.members, memberTitles: s.memberTitles, historyYears: 4 }),
      };
    });
  },
});

export default yenBai;
