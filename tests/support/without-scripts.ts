import type { Browser } from "playwright-core";
import { type CheckedPage, openCheckedPage } from "./browser";

/**
 * A checked page on which the app's own scripts never load: the browser of someone without
 * JavaScript, as far as the app can tell (forms are plain POSTs, nothing hydrates). The browser's
 * JavaScript itself stays on, because the axe check and the wait for a settled page run in it;
 * a context opened with `javaScriptEnabled: false` stops both (no timers, no animation frames).
 */
export async function openPageWithoutAppScripts(browser: Browser, baseUrl: string): Promise<CheckedPage> {
  const checked = await openCheckedPage(browser, baseUrl);
  await checked.context.route(
    (url) => url.pathname.endsWith(".js"),
    (route) => route.abort(),
  );
  return checked;
}
