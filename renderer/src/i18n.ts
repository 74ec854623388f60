/** i18next for the page, with both languages' resources from shared/i18n. */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANG, LANGS, MESSAGES, type Lang } from '../../shared/i18n';

const STORAGE_KEY = 'cluster-brief.lang';

export function initialLang(): Lang {
  const saved = window.localStorage.getItem(STORAGE_KEY);
  return LANGS.includes(saved as Lang) ? (saved as Lang) : DEFAULT_LANG;
}

export function rememberLang(lang: Lang): void {
  window.localStorage.setItem(STORAGE_KEY, lang);
}

void i18next.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: MESSAGES['zh-CN'] }, en: { translation: MESSAGES.en } },
  lng: initialLang(),
  fallbackLng: DEFAULT_LANG,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18next;
