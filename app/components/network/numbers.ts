import type { Language } from "../../../db/schema";

/** Figures as a Dutch or English reader writes them: "82,6%" and "0,0123". */
const locale = (language: Language) => (language === "en" ? "en-GB" : "nl-NL");

export const percent = (value: number, language: Language) =>
  new Intl.NumberFormat(locale(language), { style: "percent", maximumFractionDigits: 1 }).format(value);

export const decimal = (value: number, language: Language, digits = 3) =>
  new Intl.NumberFormat(locale(language), { maximumFractionDigits: digits }).format(value);
