import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { nl } from "../../app/i18n/nl/index";
import type { DatabaseTarget } from "../../db/engine";
import { openMigratedDatabase } from "../../db/index";
import { makeBody, makeOrganisation, makePerson, makeSeat, makeUser, sessionCookieFor } from "../support/db";
import { addSessionCookie } from "../support/browser";
import { useBrowser } from "../support/e2e";
import { makeMeeting } from "../support/meetings";
import { makeAffiliation } from "../support/people";
import { openPageWithoutAppScripts } from "../support/without-scripts";

/** A body of 25 (a chair and 24 members), two held meetings of it, a substitute and a guest. */
const seeded = { cookie: "", keyboardMeeting: 0, plainMeeting: 0, substitute: 0, guest: 0, rows: [] as number[] };
const MEMBERS = 24;
const memberName = (n: number) => `Lid ${String(n).padStart(2, "0")}`;

async function storedRegister(database: DatabaseTarget, meetingId: number) {
  const db = await openMigratedDatabase(database);
  try {
    return await db
      .selectFrom("attendance")
      .select(["person_id", "status", "substitute_person_id"])
      .where("meeting_id", "=", meetingId)
      .orderBy("person_id")
      .execute();
  } finally {
    await db.destroy();
  }
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLInputElement | null;
    return {
      tag: element?.tagName ?? "",
      name: element?.getAttribute("name") ?? "",
      value: element?.value ?? "",
      text: element?.textContent ?? "",
    };
  });

/** Presses Tab until the focus is on what `wanted` recognises (a keyboard user looking for a button). */
async function tabTo(page: Page, wanted: (element: Awaited<ReturnType<typeof focused>>) => boolean) {
  for (let presses = 0; presses < 60; presses += 1) {
    await page.keyboard.press("Tab");
    if (wanted(await focused(page))) return;
  }
  throw new Error("not reached with Tab");
}

const notice = (page: Page) => page.getByRole("main").getByRole("status").first();

describe("the attendance register in the browser", () => {
  const env = useBrowser(async (server) => {
    const db = await openMigratedDatabase(server.database);
    try {
      const { user } = await makeUser(db, { role: "redacteur", name: "Rita Redacteur" });
      seeded.cookie = await sessionCookieFor(db, user.id);
      const envida = await makeOrganisation(db, { name: "Envida" });
      const body = await makeBody(db, { name: "Commissie Mens en Omgeving", abbreviation: "CMO", kind: "overleg" });
      const chair = await makePerson(db, { first_name: "Carla", last_name: "Voorzitter" });
      await makeSeat(db, { body_id: body.id, person_id: chair.id, role: "voorzitter", organisation_id: envida.id });
      seeded.rows = [chair.id];
      for (let n = 1; n <= MEMBERS; n += 1) {
        const member = await makePerson(db, { first_name: "Test", last_name: memberName(n) });
        await makeSeat(db, { body_id: body.id, person_id: member.id, organisation_id: envida.id });
        seeded.rows.push(member.id);
      }
      seeded.substitute = (await makePerson(db, { first_name: "Vera", last_name: "Vervanger" })).id;
      const guest = await makePerson(db, { first_name: "Gert", last_name: "Gastvrij" });
      await makeAffiliation(db, { person_id: guest.id, organisation_id: envida.id });
      seeded.guest = guest.id;
      seeded.keyboardMeeting = (
        await makeMeeting(db, { body_id: body.id, title: "CMO juni", date: "2025-06-10", status: "gepland" })
      ).id;
      seeded.plainMeeting = (
        await makeMeeting(db, { body_id: body.id, title: "CMO juli", date: "2025-07-08", status: "gepland" })
      ).id;
    } finally {
      await db.destroy();
    }
  });

  it("registers a body of 25 with the keyboard alone: everyone present, two excused, one replaced by someone found by search", async () => {
    const { page, visit, act } = env.checked();
    await addSessionCookie(page.context(), seeded.cookie, env.server().url);
    const started = Date.now();
    await visit(`/vergaderingen/${seeded.keyboardMeeting}/presentie`);
    await expect.poll(() => page.evaluate(() => "__remixRouter" in window)).toBe(true);

    await tabTo(page, (element) => element.tag === "BUTTON" && element.text === nl.attendance.everyonePresent);
    await act((p) => p.keyboard.press("Enter"));
    await expect(notice(page).textContent()).resolves.toContain(nl.attendance.savedEveryone);
    const [first, second, third] = seeded.rows;
    // the cursor waits on the first person, whose "aanwezig" is chosen
    expect(await focused(page)).toMatchObject({ name: `status-${first}`, value: "aanwezig" });

    await page.keyboard.press("ArrowRight");
    expect(await focused(page)).toMatchObject({ name: `status-${first}`, value: "afgemeld" });
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({ name: `status-${second}`, value: "aanwezig" });
    await page.keyboard.press("2");
    expect(await focused(page)).toMatchObject({ name: `status-${second}`, value: "afgemeld" });
    await page.keyboard.press("Tab");
    for (const _ of [1, 2, 3]) await page.keyboard.press("ArrowRight");
    expect(await focused(page)).toMatchObject({ name: `status-${third}`, value: "vervangen" });

    // the substitute's search field comes next in the tab order, and only for this row
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({ name: `substituteQuery-${third}` });
    await page.keyboard.type("Vervanger");
    await act((p) => p.keyboard.press("Enter"));
    expect(await focused(page)).toMatchObject({ name: `substitute-${third}`, value: String(seeded.substitute) });
    await page.keyboard.press("Space");
    // Enter on a choice saves the register
    await act((p) => p.keyboard.press("Enter"));
    await expect(notice(page).textContent()).resolves.toContain(nl.attendance.saved);
    await expect(notice(page).textContent()).resolves.toContain(
      "Aanwezig: 22 · afgemeld: 2 · afwezig: 0 · vervangen: 1 · gasten: 0",
    );
    expect(Date.now() - started).toBeLessThan(60_000);

    const register = await storedRegister(env.server().database, seeded.keyboardMeeting);
    expect(register).toHaveLength(25);
    expect(register.filter((row) => row.status === "aanwezig")).toHaveLength(22);
    expect(register.filter((row) => row.status === "afgemeld").map((row) => row.person_id)).toEqual([first, second]);
    expect(register.find((row) => row.person_id === third)).toEqual({
      person_id: third,
      status: "vervangen",
      substitute_person_id: seeded.substitute,
    });
    expect(env.checked().errors()).toEqual([]);
  });

  it("registers the same without JavaScript: plain posts, a substitute search that keeps every chosen status, a guest", async () => {
    const noScripts = await openPageWithoutAppScripts(env.browser(), env.server().url);
    try {
      const { page, visit, act } = noScripts;
      await addSessionCookie(noScripts.context, seeded.cookie, env.server().url);
      await visit(`/vergaderingen/${seeded.plainMeeting}/presentie`);
      await act((p) => p.getByRole("button", { name: nl.attendance.everyonePresent }).click());
      await expect(notice(page).textContent()).resolves.toContain(nl.attendance.savedEveryone);

      const row = (n: number) => page.getByRole("group", { name: `Presentie van Test ${memberName(n)}` });
      await row(1).getByLabel(nl.meetings.attendanceStatuses.afgemeld, { exact: true }).check();
      await row(2).getByLabel(nl.meetings.attendanceStatuses.afgemeld, { exact: true }).check();
      await row(3).getByLabel(nl.meetings.attendanceStatuses.vervangen, { exact: true }).check();
      // the search field shows for a replaced member only (CSS, no script)
      const substituteSearch = page.getByRole("searchbox", {
        name: `Vervanger zoeken voor Test ${memberName(3)}`,
        exact: true,
      });
      await substituteSearch.fill("Vervanger");
      await act((p) => p.getByRole("button", { name: `Vervanger zoeken voor Test ${memberName(3)}` }).click());

      // a new page, with every status chosen before the search still chosen
      await expect(
        row(1).getByLabel(nl.meetings.attendanceStatuses.afgemeld, { exact: true }).isChecked(),
      ).resolves.toBe(true);
      await expect(
        row(2).getByLabel(nl.meetings.attendanceStatuses.afgemeld, { exact: true }).isChecked(),
      ).resolves.toBe(true);
      await expect(
        row(3).getByLabel(nl.meetings.attendanceStatuses.vervangen, { exact: true }).isChecked(),
      ).resolves.toBe(true);
      await expect(
        row(4).getByLabel(nl.meetings.attendanceStatuses.aanwezig, { exact: true }).isChecked(),
      ).resolves.toBe(true);
      await page.getByLabel(/Vera Vervanger/).check();

      await page.getByLabel(nl.attendance.guests.search, { exact: true }).fill("Gastvrij");
      await act((p) => p.getByRole("button", { name: nl.attendance.guests.searchButton, exact: true }).click());
      await act((p) => p.getByRole("button", { name: "Gert Gastvrij toevoegen" }).click());
      await expect(page.getByRole("button", { name: "Gert Gastvrij verwijderen" }).isVisible()).resolves.toBe(true);
      await expect(page.getByLabel(/Vera Vervanger/).isChecked()).resolves.toBe(true);

      await act((p) => p.getByRole("button", { name: nl.attendance.save }).click());
      await expect(notice(page).textContent()).resolves.toContain(
        "Aanwezig: 22 · afgemeld: 2 · afwezig: 0 · vervangen: 1 · gasten: 1",
      );
      const register = await storedRegister(env.server().database, seeded.plainMeeting);
      expect(register).toHaveLength(26);
      expect(register.find((r) => r.person_id === seeded.guest)?.status).toBe("gast");
      expect(register.find((r) => r.person_id === seeded.rows[3])).toMatchObject({
        status: "vervangen",
        substitute_person_id: seeded.substitute,
      });
      expect(noScripts.uncheckedUrls()).toEqual([]);
    } finally {
      await noScripts.close();
    }
  });
});
