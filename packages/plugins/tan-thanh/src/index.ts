/**
 * @hoctap/plugin-tan-thanh — phường Tân Thạnh, thành phố Tam Kỳ, tỉnh Quảng Nam: the 2022
 * "Công dân học tập" pilot (seed plan 001), built on the national framework `cdht-quoc-gia-2022`
 * of @hoctap/plugin-national (register both: `createRegistry([national, tanThanh])`).
 *
 * Since 01/07/2025 the ward is part of phường Bàn Thạch, thành phố Đà Nẵng (Quảng Nam merged into
 * Đà Nẵng). The plugin manifest takes only 2-digit province or 5-digit commune codes, and neither
 * ward's 5-digit code is confirmed, so the localities are the provinces: the pre-2025 tỉnh Quảng Nam
 * (49, ending 30/06/2025, successor 48) and thành phố Đà Nẵng (48). No commune code is invented.
 */
import { readFileSync } from 'node:fs';
import { definePlugin, generateSubjects, type DemoSet, type Model, type PluginFile } from '@hoctap/core';

const file = (name: string): PluginFile => ({
  file: `@hoctap/plugin-tan-thanh/frameworks/${name}`,
  source: readFileSync(new URL(`../frameworks/${name}`, import.meta.url), 'utf8'),
});

/** The framework of the pilot. */
export const CDHT_TAN_THANH = 'cdht-tan-thanh-2022';

/** People per target group in the pilot (kế hoạch, mục II.2): 3 × 15 = 45. */
export const PILOT_PER_GROUP = 15;

/** The 2022 pilot: exactly 15 citizens in each of the three target groups, scored with evidence. */
export function tanThanhDemo({ seed, model }: { readonly seed: number; readonly model: (id: string) => Model }): DemoSet[] {
  const m = model(CDHT_TAN_THANH);
  const subjects = m.groups.flatMap((g, k) =>
    generateSubjects(m, { seed: seed + k, count: PILOT_PER_GROUP, year: 2022, idPrefix: `tt-${g.id}`, goodShare: 0.7 }).map((s) => ({
      ...s,
      group: g.id,
      // An urban ward: no hard-to-reach area.
      attributes: { ...(s.attributes ?? {}), vung: 'thuận lợi' },
    })),
  );
  return [{ framework: m.id, year: 2022, locality: '49', subjects }];
}

/** The Tân Thạnh plugin. */
export const tanThanh = definePlugin({
  id: 'tan-thanh',
  version: '0.1.0',
  name: 'Phường Tân Thạnh (TP Tam Kỳ, Quảng Nam) — thí điểm Công dân học tập 2022',
  description:
    'Kế hoạch thí điểm mô hình “công dân học tập” của UBND phường Tân Thạnh (2022) trên bộ tiêu chí khung quốc gia: minh chứng, điểm sàn 5, ngưỡng 80, công dân học tập tiêu biểu sau 5 năm liền, chỉ tiêu 60 / 70 / 80% cho 2023 / 2024 / 2025.',
  localities: [
    {
      code: '49',
      name: 'tỉnh Quảng Nam (gồm phường Tân Thạnh, thành phố Tam Kỳ)',
      level: 'province',
      validTo: '2025-06-30',
      successor: '48',
      note:
        'Mã 49 là mã tỉnh Quảng Nam trong danh mục trước 01/07/2025 (QĐ 124/2004/QĐ-TTg), không có trong tài liệu tham khảo — cần đối chiếu. Đơn vị thực sự của kế hoạch là phường Tân Thạnh (cấp xã); mã xã 5 chữ số của phường chưa xác nhận nên không ghi. Từ 01/07/2025 phường Tân Thạnh thuộc phường Bàn Thạch, thành phố Đà Nẵng (độ tin cậy cao, chưa thấy văn bản nghị quyết cuối cùng).',
    },
    {
      code: '48',
      name: 'thành phố Đà Nẵng (gồm phường Bàn Thạch)',
      level: 'province',
      note:
        'Mã 48 theo QĐ 19/2025/QĐ-TTg được thuật lại, chưa đối chiếu phụ lục của quyết định. Phường Bàn Thạch (kế thừa phường Tân Thạnh) là đơn vị cấp xã; mã xã 5 chữ số chưa xác nhận nên không ghi.',
    },
  ],
  frameworks: [file('cdht-tan-thanh-2022.tieuchi')],
  forms: [
    {
      id: 'dang-ky-cdht',
      title: 'Đăng ký phấn đấu đạt danh hiệu "Công dân học tập"',
      kind: 'registration-slip',
      framework: CDHT_TAN_THANH,
      source: 'Kế hoạch thí điểm mô hình “công dân học tập” phường Tân Thạnh (2022), mục V.4: "Hội khuyến học phối hợp các ban, ngành, đoàn thể, khối phố,... tổ chức đăng ký danh hiệu CDHT"',
      fields: [
        { id: 'ho-ten', label: 'Họ và tên', type: 'text' },
        { id: 'nhom-doi-tuong', label: 'Nhóm đối tượng (nông dân / công nhân / trí thức)', type: 'text' },
        { id: 'khoi-pho', label: 'Khối phố, cơ quan, đơn vị', type: 'text' },
        { id: 'ngay', label: 'Ngày đăng ký', type: 'date' },
        { id: 'ky-ten', label: 'Người đăng ký ký tên', type: 'signature' },
      ],
    },
    {
      id: 'tu-ke-khai',
      title: 'Bản tự kê khai kết quả phấn đấu và minh chứng "Công dân học tập"',
      kind: 'score-sheet',
      framework: CDHT_TAN_THANH,
      source: 'Kế hoạch thí điểm mô hình “công dân học tập” phường Tân Thạnh (2022), mục II.3: "cá nhân tự kê khai kết quả phấn đấu, thu thập minh chứng cho mỗi chỉ số đánh giá (kỹ năng), tập hợp hồ sơ … nộp 01 bản cho Hội Khuyến học phường"',
      fields: [
        { id: 'ho-ten', label: 'Họ và tên', type: 'text' },
        { id: 'nhom-doi-tuong', label: 'Nhóm đối tượng', type: 'text' },
        { id: 'minh-chung', label: 'Danh mục minh chứng kèm theo (bản sao)', type: 'long-text' },
        { id: 'ngay', label: 'Ngày kê khai', type: 'date' },
        { id: 'ky-ten', label: 'Người kê khai ký tên', type: 'signature' },
        { id: 'xac-nhan', label: 'Lãnh đạo đơn vị xác nhận', type: 'signature' },
      ],
    },
  ],
  demo: tanThanhDemo,
});

export default tanThanh;
