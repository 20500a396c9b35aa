import { isLanguage } from "../i18n/index";

/** The parameter that opens the privacy statement in a language of its own (a mail's, an unsubscribe page's). */
export const PRIVACY_LANGUAGE_PARAM = "taal";

/** The privacy statement's path, opening in `language` when it is one Kring speaks. */
export function privacyPath(language: string): string {
  return isLanguage(language) ? `/privacy?${PRIVACY_LANGUAGE_PARAM}=${language}` : "/privacy";
}
