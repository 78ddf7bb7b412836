/** The portal's paths, in Vietnamese. */
export const paths = {
  login: '/dang-nhap',
  dashboard: '/',
  frameworks: '/bo-tieu-chi',
  editor: '/bo-tieu-chi/soan-thao',
  framework: (plugin: string, id: string) => `/bo-tieu-chi/${encodeURIComponent(plugin)}/${encodeURIComponent(id)}`,
  editFramework: (plugin: string, id: string) => `/bo-tieu-chi/soan-thao?tu=${encodeURIComponent(`${plugin}/${id}`)}`,
  campaigns: '/dot-danh-gia',
  review: '/binh-xet',
  people: '/nguoi-va-to-chuc',
  groups: '/nhom',
  decisions: '/quyet-dinh',
  reports: '/bao-cao',
  /** The 1-, 3- and 5-year registers of a title (sổ theo dõi). */
  registers: '/so-theo-doi',
  /** The public list of recognised subjects (no sign-in). */
  publicList: '/cong-khai',
  versions: '/bo-tieu-chi/da-ban-hanh',
  /** User administration (admins). */
  users: '/nguoi-dung',
  /** The signed-in user's own account: password, two-step verification. */
  account: '/tai-khoan',
  /** Sets a password with an administrator's one-time link (no sign-in). */
  resetPassword: '/dat-lai-mat-khau',
} as const;
