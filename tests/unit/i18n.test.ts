import { describe, expect, it } from "vitest";
import {
  DEFAULT_LANGUAGE,
  i18nFor,
  isLanguage,
  languageFromAcceptHeader,
  resources,
  translator,
} from "../../app/i18n/index";

describe("language from the browser's Accept-Language", () => {
  it("is Dutch when the browser says nothing", () => {
    expect(languageFromAcceptHeader(null)).toBe("nl");
    expect(languageFromAcceptHeader("")).toBe("nl");
    expect(DEFAULT_LANGUAGE).toBe("nl");
  });

  it("is English when English is preferred, whatever the region", () => {
    expect(languageFromAcceptHeader("en-GB,en;q=0.9")).toBe("en");
    expect(languageFromAcceptHeader("en-US")).toBe("en");
    expect(languageFromAcceptHeader("EN")).toBe("en");
  });

  it("is Dutch when Dutch is preferred over English", () => {
    expect(languageFromAcceptHeader("nl-NL,nl;q=0.9,en;q=0.8")).toBe("nl");
    expect(languageFromAcceptHeader("nl-BE")).toBe("nl");
  });

  it("follows the q-values rather than the order", () => {
    expect(languageFromAcceptHeader("nl;q=0.5, en;q=0.8")).toBe("en");
    expect(languageFromAcceptHeader("en;q=0.3, nl")).toBe("nl");
  });

  it("skips languages Kring does not speak", () => {
    expect(languageFromAcceptHeader("de-DE,de;q=0.9,en;q=0.5")).toBe("en");
    expect(languageFromAcceptHeader("fr-FR,fr;q=0.9")).toBe("nl");
  });

  it("ignores a language refused with q=0", () => {
    expect(languageFromAcceptHeader("en;q=0")).toBe("nl");
  });

  it("recognises only nl and en as languages", () => {
    expect(isLanguage("nl")).toBe(true);
    expect(isLanguage("en")).toBe(true);
    expect(isLanguage("de")).toBe(false);
    expect(isLanguage(undefined)).toBe(false);
  });
});

type Tree = { readonly [key: string]: string | Tree };

/** Every leaf of a message tree as "a.b.c" → text; anything that is not a string or a tree is reported. */
function leaves(tree: Tree, prefix = ""): Map<string, unknown> {
  const found = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      for (const [k, v] of leaves(value, name)) found.set(k, v);
    } else {
      found.set(name, value);
    }
  }
  return found;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

describe("the translations", () => {
  const nl = leaves(resources.nl.translation);
  const en = leaves(resources.en.translation);

  it("has messages at all", () => {
    expect(nl.size).toBeGreaterThan(10);
  });

  it("has every Dutch message in English and no English message without a Dutch one", () => {
    const missingInEnglish = [...nl.keys()].filter((k) => !en.has(k));
    const missingInDutch = [...en.keys()].filter((k) => !nl.has(k));
    expect({ missingInEnglish, missingInDutch }).toEqual({ missingInEnglish: [], missingInDutch: [] });
  });

  it("has a non-empty text for every message in both languages", () => {
    const emptyEnglish = [...en]
      .filter(([, text]) => typeof text !== "string" || text.trim() === "")
      .map(([k]) => `en:${k}`);
    const emptyDutch = [...nl]
      .filter(([, text]) => typeof text !== "string" || text.trim() === "")
      .map(([k]) => `nl:${k}`);
    expect([...emptyDutch, ...emptyEnglish]).toEqual([]);
  });

  it("uses the same {{placeholders}} in both languages", () => {
    const different: string[] = [];
    for (const [key, dutch] of nl) {
      const english = en.get(key);
      if (typeof dutch !== "string" || typeof english !== "string") continue;
      const a = placeholders(dutch).join(",");
      const b = placeholders(english).join(",");
      if (a !== b) different.push(`${key}: nl {{${a}}} ≠ en {{${b}}}`);
    }
    expect(different).toEqual([]);
  });

  it("translates a message with its placeholder filled in", () => {
    for (const language of ["nl", "en"] as const) {
      const text = translator(language)("common.signedInAs", { name: "An de Vries" });
      expect(text).toContain("An de Vries");
      expect(text).not.toContain("{{");
    }
    expect(translator("en")("common.skipToContent")).not.toBe(translator("nl")("common.skipToContent"));
  });
});

describe("the translators pages use (useTranslation's fixed t)", () => {
  it("give a remembered plain text exactly as i18next gives it, per language", () => {
    for (const language of ["nl", "en"] as const) {
      const t = i18nFor(language).getFixedT(language);
      const first = t("register.bodies.title");
      expect(t("register.bodies.title")).toBe(first);
      expect(first).toBe(i18nFor(language).t("register.bodies.title"));
    }
    expect(i18nFor("nl").getFixedT("nl")("register.bodies.title")).not.toBe(
      i18nFor("en").getFixedT("en")("register.bodies.title"),
    );
  });

  it("fill in values, counts and other options every time rather than remembering the first", () => {
    const t = i18nFor("nl").getFixedT("nl");
    const once = t("register.bodies.rosterHeading", { date: "1 maart 2025" });
    const again = t("register.bodies.rosterHeading", { date: "2 maart 2025" });
    expect(once).toContain("1 maart 2025");
    expect(again).toContain("2 maart 2025");
    expect(t("register.bodies.title", { lng: "en" })).toBe(i18nFor("en").t("register.bodies.title"));
  });

  it("keep the properties react-i18next reads off a fixed t", () => {
    const t = i18nFor("en").getFixedT("en", "translation") as unknown as { lng: string; ns: string };
    expect([t.lng, t.ns]).toEqual(["en", "translation"]);
  });
});
