import { readFileSync } from "node:fs";
import Graph from "graphology";
import { parse as parseGraphml } from "graphology-graphml";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { nl } from "../../app/i18n/nl/index";
import { openMigratedDatabase } from "../../db/index";
import { makeUser, sessionCookieFor } from "../support/db";
import { addSessionCookie } from "../support/browser";
import { useBrowser } from "../support/e2e";

const text = nl.network;

/** The figure under a heading of the key figures, as the page shows it. */
const figure = (page: Page, label: string) =>
  page.locator("dt", { hasText: new RegExp(`^${label}$`) }).locator("xpath=following-sibling::dd[1]");

describe("the network page on the demo network", () => {
  const seeded = { cookie: "" };
  const env = useBrowser(
    async (server) => {
      const db = await openMigratedDatabase(server.database);
      try {
        const { user } = await makeUser(db, { role: "redacteur" });
        seeded.cookie = await sessionCookieFor(db, user.id);
      } finally {
        await db.destroy();
      }
    },
    { env: { KRING_DEMO: "1" } },
  );

  it("shows the organisation network on 1-10-2025, compares it with 1-10-2024 and downloads it as GraphML", async () => {
    const { page, visit, act } = env.checked();
    await addSessionCookie(page.context(), seeded.cookie, env.server().url);
    await visit("/");
    await act((p) => p.getByRole("navigation").getByRole("link", { name: nl.common.nav.network }).click());
    await page.getByRole("heading", { level: 1, name: text.title }).waitFor();

    // the form is reached by keyboard: Tab from the page's start lands on the date before long
    const date = page.getByLabel(text.date, { exact: true });
    let tabs = 0;
    while (!(await date.evaluate((field) => field === document.activeElement)) && tabs < 40) {
      await page.keyboard.press("Tab");
      tabs += 1;
    }
    expect(tabs, "Tab presses to the date").toBeLessThan(40);
    await date.fill("2025-10-01");
    await act((p) => p.getByRole("button", { name: nl.register.filters.apply }).click());
    await expect.poll(() => new URL(page.url()).searchParams.get("datum")).toBe("2025-10-01");
    await page.getByRole("heading", { level: 2, name: /Organisaties \(gedeelde gremia\) op 1 oktober 2025/ }).waitFor();

    const nodes = Number(await figure(page, text.summary.nodes).textContent());
    const ties = Number(await figure(page, text.summary.ties).textContent());
    // Zuid-Limburg, the demo's start region (decision 050), as decision 033 gives it (no VWS seat since
    // decision 037); Noord- en Midden-Limburg's bodies are not in its network (decision 044)
    expect([nodes, ties]).toEqual([40, 502]);
    await expect(page.getByTestId("cross-sector").textContent()).resolves.toMatch(
      new RegExp(`^\\d+(,\\d)?\\s?% \\(\\d+ van ${ties}\\)$`),
    );
    const bridges = page.getByRole("region", { name: text.bridges.heading });
    await expect(bridges.getByRole("rowheader").first().textContent()).resolves.toBe("GGD Zuid Limburg");
    await expect(
      bridges
        .getByRole("cell", { name: /verbindt onder meer/ })
        .first()
        .textContent(),
    ).resolves.toMatch(/die geen eigen band hebben/);

    // the GraphML link as the page offers it holds the network the page describes
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: text.downloads.graphml }).click(),
    ]);
    const graph = parseGraphml(Graph, readFileSync(await download.path(), "utf8"));
    expect([graph.order, graph.size]).toEqual([nodes, ties]);

    await page.getByLabel(text.compareDate).fill("2024-10-01");
    await act((p) => p.getByRole("button", { name: nl.register.filters.apply }).click());
    await page.getByRole("heading", { name: /Vergelijking 1 oktober 2024 en 1 oktober 2025/ }).waitFor();
    const gained = await page.getByText(/^Nieuwe banden \(\d+\)$/).textContent();
    const lost = await page.getByText(/^Verdwenen banden \(\d+\)$/).textContent();
    const count = (label: string | null) => Number(/\((\d+)\)/.exec(label ?? "")![1]);
    // 464 ties then, 502 now: the difference is what was gained less what was lost
    expect(count(gained) - count(lost)).toBe(502 - 464);
    expect(count(gained)).toBeGreaterThan(0);
    // still the same network on the day itself, beside the comparison
    await expect(figure(page, text.summary.ties).first().textContent()).resolves.toBe(String(ties));
  });
});
