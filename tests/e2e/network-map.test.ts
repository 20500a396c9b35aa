import { describe, expect, it } from "vitest";
import { nl } from "../../app/i18n/nl/index";
import { openMigratedDatabase } from "../../db/index";
import { addSessionCookie, openCheckedPage } from "../support/browser";
import { makeUser, sessionCookieFor } from "../support/db";
import { useBrowser } from "../support/e2e";

const text = nl.networkMap;
const ON_DEMO_DAY = "/netwerk/kaart?soort=organisaties&datum=2025-10-01";

describe("the network map in the browser, on the demo network", () => {
  const seeded = { cookie: "" };
  const env = useBrowser(
    async (server) => {
      const db = await openMigratedDatabase(server.database);
      try {
        const { user } = await makeUser(db, { role: "lezer" });
        seeded.cookie = await sessionCookieFor(db, user.id);
      } finally {
        await db.destroy();
      }
    },
    { env: { KRING_DEMO: "1" } },
  );

  it("draws the organisations with a legend of sectors, finds one, and opens it from the canvas", async () => {
    const { page, visit, act, checkA11y, errors } = env.checked();
    await addSessionCookie(page.context(), seeded.cookie, env.server().url);
    await visit("/netwerk?soort=organisaties&datum=2025-10-01");
    await act((p) => p.getByRole("link", { name: nl.network.asMap }).click());
    expect(new URL(page.url()).searchParams.get("datum")).toBe("2025-10-01");
    await page.getByRole("heading", { level: 1, name: "Netwerkkaart op 1 oktober 2025" }).waitFor();
    await page.locator('[data-map-state="ready"]').waitFor();
    await expect(
      page.getByRole("img", { name: /^Netwerkkaart met \d+ knopen en \d+ verbindingen$/ }).count(),
    ).resolves.toBe(1);
    await expect(page.locator("[data-testid=network-canvas] canvas").count()).resolves.toBeGreaterThan(0);

    const legend = await page.getByTestId("map-legend").locator("li").allTextContents();
    expect(legend.length).toBeGreaterThanOrEqual(4);
    expect(legend).toContainEqual(expect.stringMatching(/^Gemeente \(\d+\)$/));
    expect(legend).toContainEqual(expect.stringMatching(/^GGD \(publieke gezondheid\) \(\d+\)$/));

    await page.getByLabel(text.search.label).fill("heerlen");
    await page.getByRole("button", { name: "Gemeente Heerlen" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Gemeente Heerlen: verbonden met" }).count()).resolves.toBe(
      1,
    );
    // the camera glides to the chosen organisation: then it sits in the middle of the canvas
    await page.waitForTimeout(800);
    // choosing scrolled the side column: the canvas comes back into view
    await page.getByTestId("network-canvas").scrollIntoViewIfNeeded();
    const box = (await page.getByTestId("network-canvas").boundingBox())!;
    // sigma waits out its double-click window before it reports the click, so the page changes later
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/organisaties\/\d+$/);
    await page.getByRole("heading", { level: 1, name: /Gemeente Heerlen/ }).waitFor();
    await checkA11y();
    expect(errors()).toEqual([]);
  });

  it("shows the whole canvas without scrolling on a 1366×768 laptop, under the header and the demo notice", async () => {
    const { page, visit } = env.checked();
    await addSessionCookie(page.context(), seeded.cookie, env.server().url);
    await page.setViewportSize({ width: 1366, height: 768 });
    await visit(ON_DEMO_DAY);
    await page.locator('[data-map-state="ready"]').waitFor();
    const box = (await page.getByTestId("network-canvas").boundingBox())!;
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    // still a map to read, not a strip
    expect(box.height).toBeGreaterThanOrEqual(350);
    expect(box.width).toBeGreaterThanOrEqual(800);
  });

  it("opens the chosen organisation with the keyboard, and leads back to the table", async () => {
    const { page, visit, act } = env.checked();
    await addSessionCookie(page.context(), seeded.cookie, env.server().url);
    await visit(ON_DEMO_DAY);
    await page.locator('[data-map-state="ready"]').waitFor();
    await page.getByLabel(text.search.label).focus();
    await page.keyboard.type("ggd");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    const open = page.getByRole("link", { name: /^Open de pagina van GGD/ });
    await act(() => open.click());
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/organisaties\/\d+$/);

    await visit(ON_DEMO_DAY);
    const table = page.getByRole("link", { name: text.toTable }).first();
    const href = new URL((await table.getAttribute("href"))!, page.url());
    expect(href.pathname).toBe("/netwerk");
    expect(href.searchParams.get("datum")).toBe("2025-10-01");
  });

  it("says why there is nothing to draw on a day without seats", async () => {
    const { page, visit } = env.checked();
    await addSessionCookie(page.context(), seeded.cookie, env.server().url);
    await visit("/netwerk/kaart?datum=1990-01-01");
    await page.getByRole("heading", { name: text.empty.heading }).waitFor();
    await expect(page.getByText("Op 1 januari 1990 bezet niemand een zetel").count()).resolves.toBe(1);
    await expect(page.getByTestId("network-canvas").count()).resolves.toBe(0);
  });

  it("shows a message and the table link instead of a blank canvas when WebGL 2 is missing", async () => {
    const checked = await openCheckedPage(env.browser(), env.server().url);
    try {
      await checked.context.addInitScript(() => {
        const prototype = HTMLCanvasElement.prototype;
        const original = Object.getOwnPropertyDescriptor(prototype, "getContext")!.value as (
          this: HTMLCanvasElement,
          ...args: unknown[]
        ) => unknown;
        Object.defineProperty(prototype, "getContext", {
          value(this: HTMLCanvasElement, kind: string, ...rest: unknown[]) {
            return kind === "webgl2" ? null : original.call(this, kind, ...rest);
          },
        });
      });
      await addSessionCookie(checked.context, seeded.cookie, env.server().url);
      await checked.visit(ON_DEMO_DAY);
      await checked.page.locator('[data-map-state="unavailable"]').waitFor();
      const alert = checked.page.getByRole("alert");
      await expect(alert.textContent()).resolves.toContain("WebGL 2");
      await expect(alert.getByRole("link", { name: text.toTable }).count()).resolves.toBe(1);
    } finally {
      await checked.close();
    }
  });
});
