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
  decisions: '/quyet-dinh',
  reports: '/bao-cao',
} as const;
