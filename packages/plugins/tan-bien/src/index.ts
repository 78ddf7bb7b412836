/**
 * @hoctap/plugin-tan-bien — Phòng Nội vụ huyện Tân Biên, tỉnh Tây Ninh: Kế hoạch 218/KH-PNV ngày
 * 20/03/2023 (seed plan 002), "Xây dựng “Đơn vị học tập” năm 2023", applying Thông tư 22/2020/TT-BGDĐT
 * (the national `dvht-tt22-2020`, from `@hoctap/plugin-national`) with member-level records: each
 * member's commitment (mẫu 1) and approved self-study plan (mẫu 2), due 24/03/2023.
 */
import { readFileSync } from 'node:fs';
import { definePlugin, generateSubjects, type DemoSet, type PluginFile } from '@hoctap/core';

const file = (name: string): PluginFile => ({
  file: `@hoctap/plugin-tan-bien/frameworks/${name}`,
  source: readFileSync(new URL(`../frameworks/${name}`, import.meta.url), 'utf8'),
});

/** The framework id of this plugin. */
export const TAN_BIEN_FRAMEWORK = 'dvht-tan-bien-2023';

const KH218 = 'Kế hoạch 218/KH-PNV ngày 20/3/2023 của Phòng Nội vụ huyện Tân Biên';

/** The offices of the former huyện Tân Biên that ran the district plan KH 32/KH-UBND (06/02/2023); Phòng Nội vụ first. */
export const TAN_BIEN_OFFICES = [
  'Phòng Nội vụ',
  'Văn phòng HĐND và UBND huyện',
  'Phòng Tài chính – Kế hoạch',
  'Phòng Giáo dục và Đào tạo',
  'Phòng Tư pháp',
  'Phòng Văn hóa và Thông tin',
  'Phòng Lao động – Thương binh và Xã hội',
  'Phòng Tài nguyên và Môi trường',
  'Phòng Kinh tế và Hạ tầng',
  'Phòng Nông nghiệp và Phát triển nông thôn',
  'Thanh tra huyện',
  'Phòng Y tế',
] as const;

/** The Tân Biên plugin (needs `@hoctap/plugin-national` registered with it). */
export const tanBien = definePlugin({
  id: 'tan-bien',
  version: '0.1.0',
  name: 'Tân Biên (Tây Ninh) — Đơn vị học tập 2023, Phòng Nội vụ',
  description:
    'Kế hoạch 218/KH-PNV (20/03/2023) của Phòng Nội vụ huyện Tân Biên: đánh giá, xếp loại “Đơn vị học tập” năm 2023 theo Thông tư 22/2020/TT-BGDĐT, trên hồ sơ từng cán bộ, công chức (bản cam kết mẫu 1, kế hoạch tự học mẫu 2, hạn 24/03/2023).',
  localities: [
    {
      code: '80',
      name: 'tỉnh Tây Ninh',
      level: 'province',
      validFrom: '2025-07-01',
      note:
        'Mã 80 là mã được báo cáo cho tỉnh Tây Ninh mới (hợp nhất Tây Ninh và Long An từ 01/07/2025, QĐ 19/2025/QĐ-TTg) — cần đối chiếu phụ lục của quyết định. Kế hoạch năm 2023 thuộc tỉnh Tây Ninh cũ, có mã riêng trong danh mục cũ (không có trong tài liệu tham chiếu, chưa khai báo ở đây). Huyện Tân Biên không khai báo được: từ 01/07/2025 cấp huyện bị bỏ, các xã của huyện được sắp xếp lại; mã địa bàn chỉ nhận tỉnh (2 chữ số) hoặc xã (5 chữ số), còn mã huyện cũ không phải mã xã. Hồ sơ của Phòng Nội vụ huyện Tân Biên vì vậy gắn với tỉnh.',
    },
  ],
  frameworks: [file('dvht-tan-bien-2023.tieuchi')],
  forms: [
    {
      id: 'mau-1-cam-ket',
      title: 'Bản cam kết học tập suốt đời (mẫu 1)',
      kind: 'commitment',
      framework: TAN_BIEN_FRAMEWORK,
      source: `${KH218}, mục III.2: "Thực hiện viết bản cam kết học tập suốt đời (mẫu 1) … nộp lại cho chuyên viên phụ trách công tác Đơn vị học tập chậm nhất vào ngày 24/3/2023". Mẫu không kèm trong văn bản có được; các trường là đề xuất.`,
      fields: [
        { id: 'ho-ten', label: 'Họ và tên', type: 'text' },
        { id: 'chuc-vu', label: 'Chức vụ, vị trí việc làm', type: 'text' },
        { id: 'don-vi', label: 'Cơ quan, đơn vị', type: 'text' },
        { id: 'nam', label: 'Năm', type: 'number' },
        { id: 'noi-dung-cam-ket', label: 'Nội dung cam kết học tập suốt đời', type: 'long-text' },
        { id: 'ngay', label: 'Ngày cam kết', type: 'date' },
        { id: 'ky-ten', label: 'Người cam kết ký tên', type: 'signature' },
      ],
    },
    {
      id: 'mau-2-ke-hoach-tu-hoc',
      title: 'Kế hoạch tự học tập, tự bồi dưỡng hằng năm (mẫu 2)',
      kind: 'self-study-plan',
      framework: TAN_BIEN_FRAMEWORK,
      source: `${KH218}, mục III.2: "xây dựng kế hoạch tự học tập, tự bồi dưỡng hàng năm (mẫu 2)"; mục III.1: chuyên viên phụ trách "tổng hợp, trình Lãnh đạo Phòng phê duyệt". Mẫu không kèm trong văn bản có được; các trường là đề xuất.`,
      fields: [
        { id: 'ho-ten', label: 'Họ và tên', type: 'text' },
        { id: 'chuc-vu', label: 'Chức vụ, vị trí việc làm', type: 'text' },
        { id: 'nam', label: 'Năm', type: 'number' },
        { id: 'noi-dung', label: 'Nội dung tự học, tự bồi dưỡng (theo vị trí việc làm)', type: 'long-text' },
        { id: 'hinh-thuc-thoi-gian', label: 'Hình thức, thời gian thực hiện', type: 'long-text' },
        { id: 'ket-qua-du-kien', label: 'Kết quả dự kiến, minh chứng', type: 'long-text' },
        { id: 'ngay-lap', label: 'Ngày lập', type: 'date' },
        { id: 'nguoi-lap', label: 'Người lập ký tên', type: 'signature' },
        { id: 'ngay-duyet', label: 'Ngày phê duyệt', type: 'date' },
        { id: 'lanh-dao-duyet', label: 'Lãnh đạo Phòng phê duyệt (ký tên)', type: 'signature' },
      ],
    },
  ],
  // The district offices of 2023 (6–15 staff each), each assessed on its staff's records.
  demo: ({ seed, model }): DemoSet[] => {
    const m = model(TAN_BIEN_FRAMEWORK);
    const subjects = generateSubjects(m, { seed, count: TAN_BIEN_OFFICES.length, year: 2023, idPrefix: 'tb', goodShare: 0.6, members: { min: 6, max: 15 } }).map((s, k) => ({
      ...s,
      name: `${TAN_BIEN_OFFICES[k]} huyện Tân Biên`,
    }));
    return [{ framework: m.id, year: 2023, locality: '80', subjects }];
  },
});

export default tanBien;
