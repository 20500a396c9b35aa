import type { MetaDescriptor } from "@remix-run/node";
import type { TFunction } from "i18next";
import { DEFAULT_LANGUAGE, isLanguage, translator } from "./index";

interface MatchWithData {
  id: string;
  data?: unknown;
}

/**
 * A page's <title> in the reader's language: meta functions have no hooks, so the
 * language comes from the root loader's data among the matches.
 */
export function pageTitle(matches: readonly MatchWithData[], title: (t: TFunction) => string): MetaDescriptor[] {
  const rootData = matches.find((m) => m.id === "root")?.data as { language?: unknown } | undefined;
  const language = isLanguage(rootData?.language) ? rootData.language : DEFAULT_LANGUAGE;
  return [{ title: `${title(translator(language))} — Kring` }];
}
