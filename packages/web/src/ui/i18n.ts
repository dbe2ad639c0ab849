import i18next, { type i18n, type Resource } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';

/** The languages the web app speaks, with their own names for the switcher. */
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'zh-CN', name: '简体中文' },
  { code: 'es', name: 'Español' },
  { code: 'de', name: 'Deutsch' },
  { code: 'fr', name: 'Français' },
  { code: 'pt-BR', name: 'Português (Brasil)' },
  { code: 'ja', name: '日本語' },
] as const;
export type LanguageCode = (typeof LANGUAGES)[number]['code'];
const CODES: readonly string[] = LANGUAGES.map((l) => l.code);

/** The supported language closest to a browser's tag: zh-TW → zh-CN, pt-PT → pt-BR, de-AT → de. */
export function closestLanguage(tag: string | undefined | null): LanguageCode {
  if (!tag) return 'en';
  const exact = CODES.find((c) => c.toLowerCase() === tag.toLowerCase());
  if (exact) return exact as LanguageCode;
  const base = tag.split(/[-_]/)[0]?.toLowerCase();
  const near = CODES.find((c) => c.split('-')[0]?.toLowerCase() === base);
  return (near ?? 'en') as LanguageCode;
}

/**
 * One i18next instance per page with its namespaces' texts bundled (a few KB each, so the
 * switcher never waits). The language comes from ?lng=, the last choice, then the browser.
 */
export function createI18n(resources: Resource, defaultNS: string, language?: string): i18n {
  const instance = i18next.createInstance();
  void instance
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      resources,
      defaultNS,
      ...(language ? { lng: language } : {}),
      fallbackLng: 'en',
      supportedLngs: CODES as string[],
      load: 'currentOnly',
      interpolation: { escapeValue: false },
      detection: {
        order: ['querystring', 'localStorage', 'navigator'],
        lookupQuerystring: 'lng',
        lookupLocalStorage: 'afterdesk.language',
        caches: ['localStorage'],
        convertDetectedLanguage: (tag: string) => closestLanguage(tag),
      },
      initAsync: false,
    });
  instance.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  document.documentElement.lang = instance.language;
  return instance;
}

/** Bundled texts of some namespaces, read from `src/locales/<language>/<namespace>.json`. */
export function bundledResources(files: Record<string, { default: Record<string, unknown> }>): Resource {
  const resources: Resource = {};
  for (const [path, module] of Object.entries(files)) {
    const [, language, namespace] = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path) ?? [];
    if (!language || !namespace) continue;
    resources[language] = { ...resources[language], [namespace]: module.default };
  }
  return resources;
}
