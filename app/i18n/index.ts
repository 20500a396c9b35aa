import i18next, { type i18n as I18n, type TFunction } from "i18next";
import { initReactI18next } from "react-i18next";
import { LANGUAGES, type Language } from "../../db/schema";
import { en } from "./en/index";
import { nl } from "./nl/index";

export const DEFAULT_LANGUAGE: Language = "nl";
export const LANGUAGE_COOKIE = "kring_lang";
export const resources = { nl: { translation: nl }, en: { translation: en } } as const;

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof nl };
  }
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

const instances = new Map<Language, I18n>();

/** One initialised i18next per language; the messages are bundled, so initialisation is synchronous. */
export function i18nFor(language: Language): I18n {
  let instance = instances.get(language);
  if (!instance) {
    instance = i18next.createInstance();
    void instance.use(initReactI18next).init({
      lng: language,
      fallbackLng: DEFAULT_LANGUAGE,
      resources,
      initImmediate: false,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    rememberPlainTexts(instance);
    instances.set(language, instance);
  }
  return instance;
}

/**
 * Makes the instance's fixed translators (what useTranslation hands out) remember texts asked
 * for without options. The messages are bundled and never change, and i18next resolves a key
 * anew at every call (a few microseconds: separators, fallbacks, interpolation, nesting), which
 * a page with a hundred labels pays a hundred times per request. Calls with options (values,
 * counts, another language) are passed through untouched.
 */
function rememberPlainTexts(instance: I18n) {
  type Translate = ((key: unknown, options?: unknown) => unknown) & object;
  const fixedTranslator = instance.getFixedT.bind(instance) as unknown as (
    lng: unknown,
    ns: unknown,
    keyPrefix?: string,
  ) => Translate;
  const remembered = new Map<string, Map<string, string>>();
  instance.getFixedT = ((lng: unknown, ns: unknown, keyPrefix?: string) => {
    const translate = fixedTranslator(lng, ns, keyPrefix);
    const scope = JSON.stringify([lng ?? "", ns ?? "", keyPrefix ?? ""]);
    let texts = remembered.get(scope);
    if (!texts) remembered.set(scope, (texts = new Map<string, string>()));
    const known = texts;
    const rememberingTranslate = (key: unknown, options?: unknown) => {
      if (options !== undefined || typeof key !== "string") return translate(key, options);
      let text = known.get(key);
      if (text === undefined) {
        const found = translate(key);
        if (typeof found !== "string") return found;
        known.set(key, (text = found));
      }
      return text;
    };
    return Object.assign(rememberingTranslate, translate);
  }) as unknown as I18n["getFixedT"];
}

export function translator(language: Language): TFunction {
  return i18nFor(language).t;
}

/** Picks the language from the Accept-Language header when no choice was made: Dutch unless English is preferred. */
export function languageFromAcceptHeader(header: string | null): Language {
  if (!header) return DEFAULT_LANGUAGE;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return { lang: tag.toLowerCase().slice(0, 2), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => isLanguage(entry.lang) && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  const best = ranked[0]?.lang;
  return isLanguage(best) ? best : DEFAULT_LANGUAGE;
}
