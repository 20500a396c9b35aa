import type { ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import type { Language } from "../../../db/schema";
import { i18nFor } from "../../i18n/index";

/**
 * A page's content in a language of its own (the unsubscribe page speaks the language the member's
 * mail came in, whatever the surrounding page's): texts and `lang` both. Null: the page's language.
 */
export function InLanguage({ language, children }: { language: Language | null; children: ReactNode }) {
  if (!language) return <>{children}</>;
  return (
    <I18nextProvider i18n={i18nFor(language)}>
      <div lang={language}>{children}</div>
    </I18nextProvider>
  );
}
