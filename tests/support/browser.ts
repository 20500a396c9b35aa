import { accessSync, constants, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AxeResults, Result as AxeResult } from "axe-core";
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
  type Response,
} from "playwright-core";

/** Debian's Chromium unless CHROMIUM_PATH says otherwise. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_MISSING = `Chromium niet gevonden op ${CHROMIUM_PATH}: de browsertests zijn overgeslagen (installeer met: apt-get install -y chromium).`;

export function chromiumAvailable(): boolean {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

const require = createRequire(import.meta.url);
let axeSource: string | undefined;
function axeScript(): string {
  axeSource ??= readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  return axeSource;
}

const BLOCKING_IMPACTS = new Set(["serious", "critical"]);

/**
 * Every rule axe-core runs by default is checked; these are named so that an axe-core upgrade that
 * turned one off by default would not silently drop it (links told apart from text by colour alone).
 */
const ALWAYS_CHECKED = { "link-in-text-block": { enabled: true } };

/** The serious and critical axe-core violations on the page as it is now. */
export async function seriousA11yViolations(page: Page): Promise<AxeResult[]> {
  // Evaluated rather than added as a <script>: the app's Content-Security-Policy (rightly) refuses
  // inline scripts without its nonce, and the tests must see the page with that policy in force.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeScript());
  const results = await page.evaluate((rules) => {
    type Axe = { run: (context: Document, options: object) => Promise<AxeResults> };
    return (window as unknown as { axe: Axe }).axe.run(document, { rules });
  }, ALWAYS_CHECKED);
  return results.violations.filter((v) => v.impact && BLOCKING_IMPACTS.has(v.impact));
}

/** One line per offending element: rule id, impact, target, help. */
export function describeViolations(violations: readonly AxeResult[]): string {
  return violations
    .flatMap((v) =>
      v.nodes.map(
        (node) => `  - ${v.id} [${node.impact ?? v.impact}] ${JSON.stringify(node.target)}: ${v.help} (${v.helpUrl})`,
      ),
    )
    .join("\n");
}

/** Fails with a readable list when axe-core finds anything serious or critical on the page. */
export async function expectNoSeriousA11yViolations(page: Page, label = page.url()): Promise<void> {
  const violations = await seriousA11yViolations(page);
  if (violations.length > 0) {
    throw new Error(
      `Toegankelijkheid / accessibility: ernstige problemen op ${label}:\n${describeViolations(violations)}`,
    );
  }
}

export interface CheckedPage {
  page: Page;
  context: BrowserContext;
  /** absolute URL of a path on the server under test */
  url: (pathname: string) => string;
  /** goes to a path (or URL), waits for the page to settle, runs the axe check; returns the main response */
  visit: (pathname: string) => Promise<Response | null>;
  /** performs an action that navigates or re-renders (a click, a form submit), waits, runs the axe check */
  act: (action: (page: Page) => Promise<unknown>) => Promise<void>;
  /** the axe check of the page as it is now; records the URL as checked */
  checkA11y: () => Promise<void>;
  /** URLs the page navigated to that no axe check has seen: should be empty at the end of a test */
  uncheckedUrls: () => string[];
  /** console errors and uncaught page errors so far (a refused script shows up here) */
  errors: () => string[];
  close: () => Promise<void>;
}

/** A page counts as settled once no request has started or ended for this long. */
const QUIET_MS = 150;

const withoutHash = (url: string) => url.replace(/#.*$/, "");

/**
 * A fresh browser context (Dutch, Amsterdam time, 1280×800 unless told) with one page whose every
 * navigation is tracked, so a test can prove it ran the axe check on every page it visited.
 */
export async function openCheckedPage(
  browser: Browser,
  baseUrl: string,
  options: BrowserContextOptions = {},
): Promise<CheckedPage> {
  if (options.javaScriptEnabled === false) {
    // no timers or animation frames then: the settle wait and axe-core would hang
    throw new Error("Use openPageWithoutAppScripts (tests/support/without-scripts.ts) for a page without JavaScript.");
  }
  const context = await browser.newContext({
    locale: "nl-NL",
    timezoneId: "Europe/Amsterdam",
    viewport: { width: 1280, height: 800 },
    ...options,
  });
  // Fail in seconds, not Playwright's 30: a missing element should not eat the test's whole timeout.
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(20_000);
  const page = await context.newPage();
  const navigated = new Set<string>();
  const checked = new Set<string>();
  const errors: string[] = [];
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) navigated.add(withoutHash(frame.url()));
  });
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  // Playwright's "networkidle" is reached once per document, so it does not wait for the fetches of
  // a client-side Remix navigation; count the page's requests ourselves instead.
  let inFlight = 0;
  let lastNetworkEvent = Date.now();
  const networkEvent = (delta: number) => () => {
    inFlight += delta;
    lastNetworkEvent = Date.now();
  };
  page.on("request", networkEvent(+1));
  page.on("requestfinished", networkEvent(-1));
  page.on("requestfailed", networkEvent(-1));
  page.on("framenavigated", () => {
    lastNetworkEvent = Date.now();
  });

  const url = (pathname: string) => new URL(pathname, baseUrl).href;
  const checkA11y = async () => {
    await expectNoSeriousA11yViolations(page);
    checked.add(withoutHash(page.url()));
  };
  const settle = async () => {
    const deadline = Date.now() + 15_000;
    while (inFlight > 0 || Date.now() - lastNetworkEvent < QUIET_MS) {
      if (Date.now() > deadline) throw new Error(`page did not settle: ${inFlight} requests still open`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await page.waitForLoadState("load");
    // let React commit what the last response brought
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  };

  return {
    page,
    context,
    url,
    visit: async (pathname) => {
      const response = await page.goto(url(pathname), { waitUntil: "load" });
      await settle();
      await checkA11y();
      return response;
    },
    act: async (action) => {
      // a request the action starts a few milliseconds late must still be waited for
      lastNetworkEvent = Date.now();
      await action(page);
      await settle();
      await checkA11y();
    },
    checkA11y,
    uncheckedUrls: () => [...navigated].filter((u) => u !== "about:blank" && !checked.has(u)),
    errors: () => [...errors],
    close: () => context.close(),
  };
}

/** Signs a browser context in with a session cookie (`name=value`, as sessionCookieFor makes it) for the server at `url`. */
export async function addSessionCookie(context: BrowserContext, cookie: string, url: string): Promise<void> {
  const [name = "", value = ""] = cookie.split("=");
  await context.addCookies([{ name, value, url }]);
}
