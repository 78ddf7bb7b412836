/**
 * The registers' texts (Vietnamese first; English the same keys), added to the translations as the
 * `registers` namespace and the menu's `nav.registers` when this module is imported (by the layout).
 */
import i18n from '../i18n/index.ts';

export const registersVi = {
  heading: 'Sổ theo dõi danh hiệu',
  intro:
    'Các cá nhân, hộ gia đình, dòng họ, cộng đồng và đơn vị đã đăng ký và được công nhận danh hiệu trong năm, 3 năm liên tục hoặc 5 năm liên tục tính đến năm đó (theo các quyết định còn hiệu lực: hồ sơ đã rút hay giấy công nhận đã thu hồi không được tính).',
  title: 'Danh hiệu',
  year: 'Năm',
  span: 'Sổ',
  spans: { '1': 'Hằng năm', '3': '3 năm liên tục', '5': '5 năm liên tục' },
  commune: 'Mã xã, phường (không bắt buộc)',
  communeHint: 'Để trống: cả địa bàn của tài khoản',
  communeInvalid: 'Mã xã, phường gồm 5 chữ số',
  total: 'Tổng số trong sổ: {{n}}',
  empty: 'Sổ này chưa có ai.',
  no: 'STT',
  name: { person: 'Họ và tên', group: 'Tên' },
  representative: 'Người đại diện',
  village: 'Thôn, tổ dân phố',
  communeCol: 'Xã, phường',
  years: 'Các năm đạt',
  consecutive: 'Số năm liên tục',
  decision: 'Quyết định năm {{year}}',
  decisionText: 'Số {{number}} ngày {{date}}',
  certificate: 'Giấy công nhận',
  certificateLink: 'Tải giấy công nhận',
  download: 'Tải cả ba sổ',
  xlsx: 'Excel (.xlsx)',
  pdf: 'PDF',
  sortNote: 'Sắp xếp theo tên như thường dùng: cá nhân theo tên riêng rồi họ đệm; nhóm theo tên nhóm.',
  tableLabel: 'Sổ theo dõi {{title}} — {{description}}',
};

export const registersEn: typeof registersVi = {
  heading: 'Title registers',
  intro:
    'Persons, households, clans, communities and units that registered and were recognised this year, 3 years running or 5 years running up to it (decisions still in force: a withdrawn registration or a revoked certificate does not count).',
  title: 'Title',
  year: 'Year',
  span: 'Register',
  spans: { '1': 'This year', '3': '3 years running', '5': '5 years running' },
  commune: 'Commune code (optional)',
  communeHint: 'Empty: the whole of your locality',
  communeInvalid: 'A commune code has 5 digits',
  total: 'In this register: {{n}}',
  empty: 'Nobody in this register yet.',
  no: 'No.',
  name: { person: 'Full name', group: 'Name' },
  representative: 'Representative',
  village: 'Village',
  communeCol: 'Commune',
  years: 'Years recognised',
  consecutive: 'Years running',
  decision: 'Decision of {{year}}',
  decisionText: 'No. {{number}} of {{date}}',
  certificate: 'Certificate',
  certificateLink: 'Download the certificate',
  download: 'Download the three registers',
  xlsx: 'Excel (.xlsx)',
  pdf: 'PDF',
  sortNote: 'Sorted the usual Vietnamese way: persons by given name, then the rest of the name; groups by name.',
  tableLabel: 'Register of {{title}} — {{description}}',
};

i18n.addResourceBundle('vi', 'translation', { registers: registersVi, nav: { registers: 'Sổ theo dõi' } }, true, false);
i18n.addResourceBundle('en', 'translation', { registers: registersEn, nav: { registers: 'Registers' } }, true, false);
