import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { expectNoSeriousA11yViolations } from "./browser";

/**
 * A browser page with JavaScript off, whose every page is checked by axe-core.
 *
 * openCheckedPage cannot serve here: in a page without JavaScript, requestAnimationFrame and
 * timers never fire, so its settling and axe-core itself (which needs both) wait forever. Each
 * page is therefore checked in a second, scripted page that is handed the very same HTML at the
 * same address (the app's scripts left out, so nothing hydrates), with the app's stylesheets.
 */
export interface NoScriptPage {
  page: Page;
  /** goes to a path, waits for the page, runs the axe check */
  visit: (pathname: string) => Promise<void>;
  /** performs an action that loads a new page (a submit, a link), waits for it, runs the axe check */
  act: (action: (page: Page) => Promise<unknown>) => Promise<void>;
  /** addresses the page went to that no axe check has seen: should be empty at the end */
  uncheckedUrls: () => string[];
  close: () => Promise<void>;
}

const withoutHash = (url: string) => url.replace(/#.*$/, "");

export async function openNoScriptPage(browser: Browser, baseUrl: string, options: BrowserContextOptions = {}): Promise<NoScriptPage> {
  const settings: BrowserContextOptions = { locale: "nl-NL", timezoneId: "Europe/Amsterdam", viewport: { width: 1280, height: 800 }, ...options };
  const context = await browser.newContext({ ...settings, javaScriptEnabled: false });
  context.setDefaultTimeout(10_000);
  const inspector = await browser.newContext({ ...settings, javaScriptEnabled: true });
  const page = await context.newPage();
  const checkerPage = await inspector.newPage();
  const navigated = new Set<string>();
  const checked = new Set<string>();
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) navigated.add(withoutHash(frame.url()));
  });

  const check = async () => {
    const url = withoutHash(page.url());
    const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
    await checkerPage.route(url, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }), { times: 1 });
    await checkerPage.goto(url, { waitUntil: "load" });
    await expectNoSeriousA11yViolations(checkerPage, `${url} (zonder JavaScript)`);
    checked.add(url);
  };

  return {
    page,
    visit: async (pathname) => {
      await page.goto(new URL(pathname, baseUrl).href, { waitUntil: "load" });
      await check();
    },
    act: async (action) => {
      const loaded = page.waitForEvent("load");
      await action(page);
      await loaded;
      await check();
    },
    uncheckedUrls: () => [...navigated].filter((u) => u !== "about:blank" && !checked.has(u)),
    close: async () => {
      await context.close();
      await inspector.close();
    },
  };
}
