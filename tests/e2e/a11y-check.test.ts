import type { Browser } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it, type TestContext } from "vitest";
import {
  CHROMIUM_MISSING,
  chromiumAvailable,
  describeViolations,
  expectNoSeriousA11yViolations,
  launchBrowser,
  seriousA11yViolations,
} from "../support/browser";

const hasChromium = chromiumAvailable();

/** The axe check that every browser test relies on must itself be able to fail. */
describe("the accessibility check of the browser tests", () => {
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (hasChromium) browser = await launchBrowser();
  });
  beforeEach((context: TestContext) => {
    context.skip(!hasChromium, CHROMIUM_MISSING);
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function pageWith(html: string) {
    if (!browser) throw new Error("no browser");
    const page = await browser.newPage();
    await page.setContent(
      `<!doctype html><html lang="nl"><head><title>Proef</title></head><body>${html}</body></html>`,
    );
    return page;
  }

  it("fails on an unlabelled field and an image without text, naming rule, impact, element and help", async () => {
    const page = await pageWith(
      `<main><h1>Proef</h1><img src="data:," id="foto"><form><input id="naam"></form></main>`,
    );
    try {
      const violations = await seriousA11yViolations(page);
      expect(violations.map((v) => v.id).sort()).toEqual(expect.arrayContaining(["image-alt", "label"]));
      const text = describeViolations(violations);
      expect(text).toMatch(/label \[critical\] \["#naam"\]/);
      expect(text).toMatch(/image-alt \[critical\] \["#foto"\]/);
      await expect(expectNoSeriousA11yViolations(page, "de proefpagina")).rejects.toThrow(/de proefpagina/);
    } finally {
      await page.close();
    }
  });

  it("passes a small page with a labelled field", async () => {
    const page = await pageWith(
      `<header><p>Kop</p></header><main><h1>Proef</h1><form><label for="naam">Naam</label><input id="naam"></form></main>`,
    );
    try {
      await expectNoSeriousA11yViolations(page);
    } finally {
      await page.close();
    }
  });
});
