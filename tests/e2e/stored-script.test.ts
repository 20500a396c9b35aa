import { strFromU8, unzipSync } from "fflate";
import { parse as parseCsv } from "csv-parse/sync";
import { sql } from "kysely";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nl } from "../../app/i18n/nl/index";
import { saveWaveMessage } from "../../app/models/mailings.server";
import { saveSearch } from "../../app/models/saved-searches.server";
import { PANEL_EXPORT_KINDS } from "../../app/services/panel-export-kinds";
import { type DB, openMigratedDatabase } from "../../db/index";
import type { User } from "../../db/schema";
import { addSessionCookie, CHROMIUM_MISSING, chromiumAvailable, launchBrowser } from "../support/browser";
import { sessionCookieFor, defaultRegionId } from "../support/db";
import { demoWithSamples } from "../support/demo-samples";
import { ROUTE_FILES, urlOf } from "../support/route-files";
import { type RunningServer, startServer } from "../support/server";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp";
import { userWithNetworkRole } from "../support/users";

/**
 * A stored script in every text field a user can write comes back as text: on every page, in the
 * lookup, in every export and in the mails. Stored straight into the database, past the forms (which
 * refuse control characters), so each reader is tested on its own.
 */

const MARKUP = `<script>window.__xss=1</script><img src=x onerror="window.__xss=2">"'&{{7*7}}\${7*7}=cmd|' /C calc'!A0`;
/** What a spreadsheet would run as a formula: each stored value starts with one of these. */
const FORMULA_STARTS = ["=", "+", "-", "@", "\t", "\r"];
/** A line break and a line of its own: an ICS property or a mail header, if it were not escaped. */
const INJECTED_LINE = "\r\nX-Injected: 1";

/**
 * vCard: no line of its own from a stored line break, and no value (nor component of a compound
 * value) that an address book exporting to a spreadsheet would run as a formula.
 */
function expectInertVCard(text: string, what: string) {
  expect(text.replace(/\r\n/g, ""), what).not.toMatch(/[\r\n]/);
  const lines = text.replace(/\r\n /g, "").split("\r\n").filter(Boolean);
  expect(lines.length, what).toBeGreaterThan(3);
  expect(
    lines.filter((line) => /^X-Injected/i.test(line)),
    what,
  ).toEqual([]);
  const values = lines.flatMap((line) => line.slice(line.indexOf(":") + 1).split(/(?<!\\);/));
  expect(
    values.filter((value) => /^[=+\-@\t]/.test(value)),
    what,
  ).toEqual([]);
}

/** The template syntax in the markup, which a wave message may not hold (its own rule, a Dutch refusal). */
const PLACEHOLDERS = /\{\{7\*7\}\}|\$\{7\*7\}/g;

const payload = (n: number) => `${FORMULA_STARTS[n % FORMULA_STARTS.length]}cmd ${MARKUP} #${n}`;

/** Every text column a user writes, by table; `title`-like ones also get a line break. */
const TEXT_FIELDS: Record<string, { columns: string[]; withLineBreak?: string[] }> = {
  organisations: { columns: ["name", "short_name", "phone", "address", "notes"] },
  people: { columns: ["first_name", "infix", "last_name", "initials", "salutation", "title", "phone", "notes"] },
  affiliations: { columns: ["function_title"] },
  seats: { columns: ["note"] },
  bodies: { columns: ["name", "abbreviation", "description"] },
  themes: { columns: ["name", "description"] },
  plans: { columns: ["name", "description"] },
  meetings: { columns: ["title", "location", "agenda", "minutes"], withLineBreak: ["title", "location"] },
  attendance: { columns: ["note"] },
  users: { columns: ["name"] },
};

async function storePayloads(db: DB): Promise<void> {
  for (const [table, { columns, withLineBreak = [] }] of Object.entries(TEXT_FIELDS)) {
    const key = table === "attendance" ? sql.raw("meeting_id * 100000 + seat_id") : sql.ref("id");
    const values = columns.map((column, index) => {
      const text = sql`${FORMULA_STARTS[index % FORMULA_STARTS.length]! + "cmd " + MARKUP + " #"} || cast(${key} as text)`;
      return sql`${sql.ref(column)} = ${withLineBreak.includes(column) ? sql`${text} || ${INJECTED_LINE}` : text}`;
    });
    await sql`update ${sql.table(table)} set ${sql.join(values)}`.execute(db);
  }
}

/** A CSV or spreadsheet cell a spreadsheet would run: starts with a formula sign and is not a plain number. */
const runsAsFormula = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !/^-?\d+([.,]\d+)?%?$/.test(cell) && cell !== "-";

function expectNoFormulaCells(text: string, what: string) {
  const rows: string[][] = parseCsv(text, { delimiter: [";", ",", "\t"], relax_column_count: true, bom: true });
  expect(rows.length, what).toBeGreaterThan(1);
  const cells = rows.flat();
  expect(cells.filter(runsAsFormula), what).toEqual([]);
  return cells;
}

function expectNoFormulaInXlsx(bytes: Uint8Array, what: string) {
  const files = unzipSync(bytes);
  const xml = Object.entries(files)
    .filter(([name]) => name.endsWith(".xml"))
    .map(([, content]) => strFromU8(content))
    .join("\n");
  expect(xml, what).not.toMatch(/<f[ >]/);
  expect(xml, what).not.toContain("<script>");
}

/** The raw payload, unescaped, as a browser would parse it into elements. */
const UNESCAPED = /<script>window\.__xss|<img src=x onerror/;

describe("a stored script comes back as text everywhere", () => {
  let server: RunningServer;
  let smtp: TestSmtpServer;
  let db: DB;
  let browser: Browser | undefined;
  let beheerder: User;
  let cookie: string;
  const samples: Record<string, string> = {};

  const fetchAs = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, {
      ...init,
      redirect: "manual",
      headers: { Cookie: cookie, Origin: server.url, ...(init.headers ?? {}) },
    });

  beforeAll(async () => {
    smtp = await startSmtpServer();
    server = await startServer({ env: { SMTP_URL: smtp.url, MAIL_FROM: "Kring <kring@example.org>" } });
    db = await openMigratedDatabase(server.database);
    Object.assign(samples, await demoWithSamples(db, { waveName: payload(90), beforeWave: storePayloads }));
    beheerder = await userWithNetworkRole(db, "beheerder");
    cookie = await sessionCookieFor(db, beheerder.id);
    const waveId = Number(samples.waveId);
    await saveSearch(db, beheerder, payload(91), { q: MARKUP }, await defaultRegionId(db));
    await sql`update survey_waves set method_notes = ${payload(92)} where id = ${waveId}`.execute(db);
    await sql`update panel_members set excluded_at = ${new Date().toISOString()}, exclusion_reason = ${payload(93)}
      where id = (select min(id) from panel_members where wave_id = ${waveId})`.execute(db);
    // the messages' own rule refuses an unknown {placeholder}: the mail gets the markup without one
    const mailText = (n: number) => payload(n).replace(PLACEHOLDERS, "");
    const saved = await saveWaveMessage(db, beheerder, waveId, "invitation", "nl", null, {
      subject: mailText(94),
      body: `${mailText(95)}\n{link}\n{afmeldlink}`,
    });
    // a line break in the subject, past the form: the mail must not gain a header from it
    await sql`update wave_messages set subject = ${mailText(94) + INJECTED_LINE} where id = ${saved.id}`.execute(db);
    if (chromiumAvailable()) browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await db?.destroy();
    await server?.stop();
    await smtp?.close();
  });

  it("shows it escaped in the HTML of every page, and no browser runs it", async (context) => {
    let pagesShowingIt = 0;
    const htmlPages: string[] = [];
    for (const path of ROUTE_FILES.map((file) => urlOf(file, samples).path)) {
      const response = await fetchAs(path);
      const body = await response.text();
      expect(response.status, `GET ${path}`).toBeLessThan(500);
      if ((response.headers.get("content-type") ?? "").startsWith("text/html")) {
        expect(body, `GET ${path}`).not.toMatch(UNESCAPED);
        htmlPages.push(path);
        if (body.includes("&lt;script&gt;window.__xss=1&lt;/script&gt;")) pagesShowingIt += 1;
      }
    }
    expect(pagesShowingIt, "pages that show the stored text").toBeGreaterThan(20);

    if (!browser) return context.skip(CHROMIUM_MISSING);
    const browserContext = await browser.newContext();
    await addSessionCookie(browserContext, cookie, server.url);
    const page = await browserContext.newPage();
    try {
      for (const path of htmlPages) {
        await page.goto(`${server.url}${path}`, { waitUntil: "load" });
        expect(await page.evaluate(() => (window as { __xss?: number }).__xss), path).toBeUndefined();
      }
      await page.goto(`${server.url}/`);
      await page.getByRole("combobox", { name: nl.lookup.label }).fill("cmd");
      const listbox = page.getByRole("listbox", { name: nl.lookup.suggestions });
      await listbox.getByRole("option").first().waitFor();
      expect(await listbox.textContent()).toContain("<script>window.__xss=1</script>");
      expect(await listbox.locator("script, img").count()).toBe(0);
      expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    } finally {
      await browserContext.close();
    }
  });

  it("gives it to the lookup's JSON as plain text", async () => {
    const response = await fetchAs(`/zoeken?q=cmd&_data=routes%2Fzoeken`);
    const data = (await response.json()) as { results: { title: string }[] };
    expect(data.results.length).toBeGreaterThan(0);
    expect(data.results.some((result) => result.title.includes(MARKUP))).toBe(true);
  });

  /** Every download there is; a new export kind is one more entry. */
  const DOWNLOADS: Array<{ path: () => string; kind: "csv" | "xlsx" | "xml" | "ics" | "json" | "vcf" }> = [
    ...PANEL_EXPORT_KINDS.map((kind) => ({
      path: () => `/onderzoek/${samples.waveId}/export/${kind}`,
      kind:
        kind === "xlsx" ? ("xlsx" as const) : kind === "organisaties-limesurvey" ? ("xml" as const) : ("csv" as const),
    })),
    ...(["csv", "xlsx"] as const).flatMap((kind) =>
      [
        () => `/onderzoek/${samples.waveId}/respons/download?formaat=${kind}`,
        () => `/overzichten/matrix/download?formaat=${kind}`,
        () => `/overzichten/organisaties/${samples.organisationId}/download?formaat=${kind}`,
        () => `/vergaderingen/cijfers/download?formaat=${kind}`,
        () => `/vergaderingen/jaaroverzicht/download?formaat=${kind}`,
        () => `/onderzoek/${samples.waveId}/steekproeven/${samples.sampleId}/download?soort=namen&formaat=${kind}`,
        () =>
          `/onderzoek/${samples.waveId}/steekproeven/${samples.sampleId}/download?soort=pseudoniemen&formaat=${kind}`,
        () => `/netwerk/download?bestand=maten-${kind}`,
      ].map((path) => ({ path, kind })),
    ),
    { path: () => `/onderzoek/${samples.waveId}/respons/nabellen/download`, kind: "csv" },
    { path: () => "/netwerk/download?bestand=knopen", kind: "csv" },
    { path: () => "/netwerk/download?bestand=banden", kind: "csv" },
    { path: () => "/netwerk/download?bestand=graphml", kind: "xml" },
    { path: () => `/agenda/${samples.token}`, kind: "ics" },
    { path: () => `/vergaderingen/${samples.meetingId}/agenda.ics`, kind: "ics" },
    { path: () => `/personen/${samples.personId}/inzage.json`, kind: "json" },
    { path: () => `/personen/${samples.personId}/vcard`, kind: "vcf" },
    { path: () => "/personen/vcard?archief=1", kind: "vcf" },
  ];

  it.each(DOWNLOADS.map((download, index) => [index, download] as const))(
    "download %i keeps it inert",
    async (_, { path, kind }) => {
      const response = await fetchAs(path());
      const what = `GET ${path()}`;
      expect(response.status, what).toBe(200);
      const bytes = new Uint8Array(await response.arrayBuffer());
      const text = strFromU8(bytes);
      if (kind === "xlsx") return expectNoFormulaInXlsx(bytes, what);
      if (kind === "json") return expect(JSON.parse(text), what).toBeTruthy();
      if (kind === "csv") return void expectNoFormulaCells(text, what);
      if (kind === "xml") return expect(text, what).not.toMatch(UNESCAPED);
      if (kind === "vcf") return expectInertVCard(text, what);
      // ICS: every line is a property or a folded continuation; the stored line break stays inside its value
      const lines = text.split("\r\n");
      expect(
        lines.filter((line) => /^X-Injected/i.test(line)),
        what,
      ).toEqual([]);
      expect(text.replace(/\r\n/g, ""), what).not.toMatch(/[\r\n]/);
    },
  );

  it("escapes it in the messages' preview and in a test mail, whose headers gain no line", async () => {
    const preview = await fetchAs(`/onderzoek/${samples.waveId}/berichten`);
    expect(await preview.text()).not.toMatch(UNESCAPED);

    const sent = await fetchAs(`/onderzoek/${samples.waveId}/berichten`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "test", kind: "invitation", language: "nl" }).toString(),
    });
    expect(sent.status).toBe(302);
    await expect.poll(() => smtp.received.length).toBe(1);
    const [mail] = smtp.received;
    const head = mail!.raw.slice(0, mail!.raw.indexOf("\r\n\r\n"));
    expect(head).not.toMatch(/^X-Injected/im);
    expect(mail!.parsed.headers.has("x-injected")).toBe(false);
    expect(mail!.parsed.subject).toContain("<script>window.__xss=1</script>");
    expect(mail!.parsed.text).toContain(MARKUP.replace(PLACEHOLDERS, ""));
    expect(mail!.parsed.html || "").not.toMatch(UNESCAPED);
    expect(mail!.parsed.html || "").toContain("&lt;script&gt;");
  });
});
