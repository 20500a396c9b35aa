import { describe, expect, it } from "vitest";
import { nl } from "../../app/i18n/nl/index";
import { openMigratedDatabase } from "../../db/index";
import { parseIcs } from "../support/calendar";
import { makeBody, makeUser, sessionCookieFor } from "../support/db";
import { addSessionCookie } from "../support/browser";
import { useBrowser } from "../support/e2e";
import { makeMeeting } from "../support/meetings";
import { openPageWithoutAppScripts } from "../support/without-scripts";

const text = nl.calendar;
const seeded = { cookie: "", cmo: 0, werkgroep: 0 };
const BODY = "Coördinerend Medisch Overleg";
const nextJuly = `${new Date().getFullYear() + 1}-07-01`;

describe("calendar subscriptions in the browser", () => {
  const env = useBrowser(async (server) => {
    const db = await openMigratedDatabase(server.database);
    try {
      const { user } = await makeUser(db, { role: "beheerder", name: "Bea Beheer" });
      seeded.cookie = await sessionCookieFor(db, user.id);
      seeded.cmo = (await makeBody(db, { name: BODY, abbreviation: "CMO" })).id;
      seeded.werkgroep = (await makeBody(db, { name: "Werkgroep Wonen" })).id;
      await makeMeeting(db, {
        body_id: seeded.cmo,
        title: "Zomeroverleg",
        date: nextJuly,
        status: "gepland",
        start_time: "14:00",
        end_time: "16:00",
      });
    } finally {
      await db.destroy();
    }
  });

  /** What a calendar application gets from the address: no cookie, no browser. */
  const fetchFeed = (address: string) => fetch(address);

  it("lets a beheerder make a link, copy it, and revoke it after confirming", async () => {
    const { page, visit, act, context, errors } = env.checked();
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await addSessionCookie(context, seeded.cookie, env.server().url);
    await visit(`/gremia/${seeded.cmo}/agenda`);
    await page.getByRole("heading", { level: 1, name: text.page.title.replace("{{body}}", BODY) }).waitFor();
    await page.getByText(text.page.none).waitFor();

    await act((p) => p.getByRole("button", { name: text.page.create }).click());
    const main = page.getByRole("main");
    await main.getByRole("status").filter({ hasText: text.page.notices.aangemaakt }).waitFor();
    const field = page.getByLabel(text.page.address, { exact: true });
    const address = await field.inputValue();
    expect(address).toMatch(new RegExp(`^${env.server().url}/agenda/[a-z2-7]{32}\\.ics$`));
    expect(await page.getByRole("link", { name: text.page.openInApp }).getAttribute("href")).toBe(
      address.replace(/^http:/, "webcal:"),
    );
    await page.getByText(/Gemaakt door Bea Beheer op/).waitFor();

    await page.getByRole("button", { name: text.page.copy }).click();
    await page.getByText(text.page.copied).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(address);

    // shown this once: the page opened again shows only the start of the address
    await page.getByText(text.page.copyNow).waitFor();
    await visit(`/gremia/${seeded.cmo}/agenda`);
    const token = /\/agenda\/([a-z2-7]+)\.ics$/.exec(address)![1]!;
    await page.getByText(`${env.server().url}/agenda/${token.slice(0, 6)}…`).waitFor();
    expect(await page.getByLabel(text.page.address, { exact: true }).count()).toBe(0);
    expect(await page.content()).not.toContain(token);

    const feed = await fetchFeed(address);
    expect(feed.status).toBe(200);
    expect(parseIcs(await feed.text()).events.map((event) => [event.summary, event.utcStart])).toEqual([
      ["CMO: Zomeroverleg", `${nextJuly}T12:00:00.000Z`],
    ]);

    // without the ticked box, nothing happens but a message at the box
    const revokeButton = page.getByRole("button", { name: text.page.revoke });
    await revokeButton.click();
    await page.getByText(text.errors.confirmRevoke).first().waitFor();
    expect((await fetchFeed(address)).status).toBe(200);

    await page.getByLabel(text.page.revokeConfirm.replace("{{body}}", BODY)).check();
    await act(() => revokeButton.click());
    await main.getByRole("status").filter({ hasText: text.page.notices.ingetrokken }).waitFor();
    await page.getByText(text.page.none).waitFor();
    expect((await fetchFeed(address)).status).toBe(404);
    expect(errors()).toEqual([]);
  });

  it("makes and revokes a link without JavaScript, and lists live links for the beheerder", async () => {
    const noScripts = await openPageWithoutAppScripts(env.browser(), env.server().url);
    try {
      const { page, visit, act, context } = noScripts;
      await addSessionCookie(context, seeded.cookie, env.server().url);
      await visit(`/gremia/${seeded.werkgroep}/agenda`);
      await act((p) => p.getByRole("button", { name: text.page.create }).click());
      const address = await page.getByLabel(text.page.address, { exact: true }).inputValue();
      expect((await fetchFeed(address)).status).toBe(200);
      expect(await page.getByRole("button", { name: text.page.copy }).count()).toBe(0);

      await visit("/beheer/agenda");
      const row = page.getByRole("row", { name: /Werkgroep Wonen/ });
      await row.getByText("Bea Beheer").waitFor();
      await row.getByText(`/agenda/${/\/agenda\/([a-z2-7]{6})/.exec(address)![1]}…`).waitFor();
      await act(() => row.getByRole("button", { name: text.admin.revoke }).click());
      await page.getByRole("alert").filter({ hasText: text.errors.confirmRevoke }).waitFor();
      expect((await fetchFeed(address)).status).toBe(200);

      await page.getByLabel(text.admin.revokeConfirm.replace("{{body}}", "Werkgroep Wonen")).check();
      await act(() => page.getByRole("button", { name: text.admin.revoke }).click());
      await page
        .getByRole("main")
        .getByRole("status")
        .filter({ hasText: text.admin.revoked.replace("{{body}}", "Werkgroep Wonen") })
        .waitFor();
      expect((await fetchFeed(address)).status).toBe(404);

      await act(() => page.getByRole("button", { name: nl.common.form.undo }).click());
      await page
        .getByRole("main")
        .getByRole("status")
        .filter({ hasText: text.admin.restored.replace("{{body}}", "Werkgroep Wonen") })
        .waitFor();
      expect((await fetchFeed(address)).status).toBe(200);
    } finally {
      await noScripts.close();
    }
  });
});
