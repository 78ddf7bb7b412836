/** i18next set-up: Vietnamese by default, English on request; the choice is remembered and sets `<html lang>`. */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { vi } from './vi.ts';
import { yearDashboardEn, yearDashboardVi } from '../dashboard/messages.ts';

export type Language = 'vi' | 'en';
const STORAGE_KEY = 'hoctap.lang';

function initialLanguage(): Language {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: { ...vi, yearDashboard: yearDashboardVi } }, en: { translation: { ...en, yearDashboard: yearDashboardEn } } },
  lng: initialLanguage(),
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
  returnNull: false,
});

function applyLang(lng: string) {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}
applyLang(i18n.language);
i18n.on('languageChanged', (lng) => {
  applyLang(lng);
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lng);
  } catch {
    /* private mode: not remembered */
  }
});

export default i18n;
