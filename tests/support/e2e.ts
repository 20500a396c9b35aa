import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, expect, type TestContext } from "vitest";
import { CHROMIUM_MISSING, type CheckedPage, chromiumAvailable, launchBrowser, openCheckedPage } from "./browser";
import { type RunningServer, type ServerOptions, startServer } from "./server";

const hasChromium = chromiumAvailable();

/**
 * One server and one browser per describe; every test gets a fresh browser context whose pages
 * are all checked by axe-core (CheckedPage.visit / act), which afterEach verifies.
 */
export function useBrowser(prepare?: (server: RunningServer) => Promise<void>, serverOptions?: ServerOptions) {
  const state = {} as { server: RunningServer; browser: Browser; checked: CheckedPage | undefined };
  beforeAll(async () => {
    if (!hasChromium) return;
    state.server = await startServer(serverOptions);
    await prepare?.(state.server);
    state.browser = await launchBrowser();
  });
  beforeEach(async (context: TestContext) => {
    context.skip(!hasChromium, CHROMIUM_MISSING);
    state.checked = await openCheckedPage(state.browser, state.server.url);
  });
  afterEach(async () => {
    const checked = state.checked;
    if (!checked) return;
    state.checked = undefined;
    const unchecked = checked.uncheckedUrls();
    await checked.close();
    expect(unchecked, "pages visited without the axe check").toEqual([]);
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.server?.stop();
  });
  return {
    /** this test's checked page */
    checked: () => {
      if (!state.checked) throw new Error("no page: the test should have been skipped");
      return state.checked;
    },
    browser: () => state.browser,
    server: () => state.server,
  };
}
