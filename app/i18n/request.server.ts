import type { Language } from "../../db/schema";
import { readCookie } from "../auth/session.server";
import { isLanguage, LANGUAGE_COOKIE, languageFromAcceptHeader } from "./index";

/** The reader's language: their account's choice, else the language cookie, else the browser's preference. */
export function requestLanguage(request: Request, user: { language: Language | null } | null | undefined): Language {
  const chosen = readCookie(request, LANGUAGE_COOKIE);
  return (
    user?.language ?? (isLanguage(chosen) ? chosen : languageFromAcceptHeader(request.headers.get("Accept-Language")))
  );
}
