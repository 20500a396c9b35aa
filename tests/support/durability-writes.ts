import { expect } from "vitest";
import type { DB } from "../../db/index";
import type { AttendanceStatus, User } from "../../db/schema";
import {
  createImportBatch,
  getImportBatch,
  previewImportBatch,
  startImportPreview,
} from "../../app/models/imports.server";
import { setClosingDate } from "../../app/models/mailings.server";
import { panelContentHash } from "../../app/models/panel-freeze.server";
import { createWave, updateWaveRules } from "../../app/models/survey-waves.server";
import { suggestMapping } from "../../app/services/import-fields";
import { readImportFile } from "../../app/services/import-file.server";
import { parseStoredRules } from "../../app/services/panel-rules-schema";
import { times } from "./bulk";
import { makeBody, makeOrganisation, makePerson, makeSeat, unique, defaultRegionId } from "./db";
import { noWrites, type Sent, someMomentBeforeTheKill, type Workload } from "./durability";
import { makeMeeting } from "./meetings";
import { frozenWave, panelRegister, STRATEGIC_AND_TACTICAL } from "./panels";

/**
 * The kinds of change the SIGKILL loop makes, each a Workload: a chain of edits per person and per
 * meeting register (one write after the other, until the server dies), and one freeze, one
 * mailing start, one bounce upload and one spreadsheet import per round. Every write carries a value
 * of its own, so after the crash the stored row tells which write it is.
 */

const PANEL_SIZE = 200;
const EDITED_PEOPLE = 4;
const REGISTERS = 2;
const REGISTER_SEATS = 15;
const ADDRESSES_PER_UPLOAD = 3;
/** Rows of each round's spreadsheet: enough that the kill often falls inside the import's transaction. */
const IMPORT_ROWS = 150;
const CLOSES_ON = "2030-03-01";
/** Every few rounds a prepared draft wave is frozen: hundreds of panel members, the wave row and its audit entry. */
const FREEZE_EVERY = 3;

/**
 * A pause before each write of a chain, as an editor takes: without it the chains alone keep the
 * (single-threaded) server busy, and on PostgreSQL make SERIALIZABLE refuse a freeze's wide reads
 * again and again, so that a freeze or a mailing start is nearly always cut short.
 */
const editorPause = () => new Promise((resolve) => setTimeout(resolve, 150 + Math.random() * 300));

function expectAnswered(sent: Sent, status: number, what: string): sent is { answered: true; status: number } {
  if (!sent.answered) return false;
  if (sent.status !== status) throw new Error(`${what}: answered ${sent.status}, expected ${status}`);
  return true;
}

/** The register the loop works on, made directly in the database before the first server starts. */
export async function durabilityRegister(db: DB, actor: User, rounds: number): Promise<Workload[]> {
  const register = await panelRegister(db);
  await times(PANEL_SIZE, (n) =>
    register.member(`Lid ${n}`, { level: n % 2 ? "tactisch" : "strategisch", organisation: n % 3 ? "ggd" : "welzijn" }),
  );
  // one wave frozen beforehand, so a mailing can start in the first round
  const first = await frozenWave(db, actor, "Meting vooraf", "2026-01-15");
  await setClosingDate(db, actor, first.id, first.version, CLOSES_ON);
  const drafts = await times(Math.ceil(rounds / FREEZE_EVERY) + 1, async (n) => {
    const created = await createWave(
      db,
      actor,
      {
        name: `Meting ${n + 1}`,
        year: 2026,
        reference_date: "2026-01-15",
        link_template: "https://enquete.example.org/s/{token}",
        method_notes: null,
      },
      await defaultRegionId(db),
    );
    const withRules = await updateWaveRules(db, actor, created.id, created.version, STRATEGIC_AND_TACTICAL);
    return setClosingDate(db, actor, created.id, withRules.version, CLOSES_ON);
  });
  const waves = [first.id, ...drafts.map((wave) => wave.id)];
  return [
    await personEdits(db),
    await attendanceRegisters(db),
    waveFreezes(drafts),
    mailingStarts(waves),
    await bounceUploads(db, rounds, first.id),
    await spreadsheetImports(db, actor, rounds),
  ];
}

interface EditedPerson {
  id: number;
  lastName: string;
  version: number;
  notes: string | null;
  emails: string[];
  primary: string;
  pending: PersonWrite | null;
}
type PersonWrite = { kind: "notes"; notes: string } | { kind: "email"; email: string };

/** Each person's details and addresses, edited one after the other: the notes, or a new primary address (two rows). */
async function personEdits(db: DB): Promise<Workload> {
  const people: EditedPerson[] = await times(EDITED_PEOPLE, async () => {
    const email = `bewerkt-${unique()}@example.org`;
    const person = await makePerson(db, { email });
    return {
      id: person.id,
      lastName: person.last_name,
      version: person.version,
      notes: null,
      emails: [email],
      primary: email,
      pending: null,
    };
  });
  const apply = (person: EditedPerson, write: PersonWrite) => {
    person.version += 1;
    if (write.kind === "notes") person.notes = write.notes;
    else {
      person.emails.push(write.email);
      person.primary = write.email;
    }
  };
  const counts = noWrites();
  return {
    name: "person edits",
    counts,
    fire: (target, round) =>
      Promise.all(
        people.map(async (person) => {
          for (let n = 0; ; n++) {
            await editorPause();
            const write: PersonWrite =
              n % 2
                ? { kind: "email", email: `p${person.id}-r${round}-${n}@example.org` }
                : { kind: "notes", notes: `ronde ${round}, schrijf ${n}` };
            const body = new URLSearchParams(
              write.kind === "notes"
                ? {
                    intent: "save",
                    version: String(person.version),
                    first_name: "Test",
                    infix: "",
                    last_name: person.lastName,
                    initials: "",
                    salutation: "",
                    title: "",
                    phone: "",
                    preferred_language: "nl",
                    notes: write.notes,
                  }
                : { intent: "addEmail", version: String(person.version), email: write.email, primary: "on" },
            );
            person.pending = write;
            if (!expectAnswered(await target.send(`/personen/${person.id}/bewerken`, body), 302, `person ${person.id}`))
              return;
            apply(person, write);
            person.pending = null;
            counts.answered += 1;
          }
        }),
      ).then(() => undefined),
    check: async (db) => {
      for (const person of people) {
        const row = await db
          .selectFrom("people")
          .select(["version", "notes"])
          .where("id", "=", person.id)
          .executeTakeFirstOrThrow();
        const emails = await db
          .selectFrom("person_emails")
          .select(["email", "is_primary"])
          .where("person_id", "=", person.id)
          .execute();
        if (person.pending) {
          const kept = row.version === person.version + 1;
          if (kept) apply(person, person.pending);
          counts[kept ? "kept" : "undone"] += 1;
          person.pending = null;
        }
        const who = `person ${person.id}`;
        expect(row, who).toEqual({ version: person.version, notes: person.notes });
        expect(emails.map((e) => e.email).sort(), who).toEqual([...person.emails].sort());
        expect(
          emails.filter((e) => Number(e.is_primary) === 1).map((e) => e.email),
          who,
        ).toEqual([person.primary]);
      }
    },
  };
}

const REGISTER_STATUSES = ["aanwezig", "afgemeld", "afwezig"] as const satisfies readonly AttendanceStatus[];

/** Another status than the stored one: the register after a save tells which save it was. */
const nextStatus = (stored: AttendanceStatus | null) =>
  REGISTER_STATUSES[(REGISTER_STATUSES.findIndex((status) => status === stored) + 1) % REGISTER_STATUSES.length]!;

interface Register {
  id: number;
  version: number;
  status: AttendanceStatus | null;
  pending: AttendanceStatus | null;
}

/** Meetings' attendance registers, saved whole again and again: every member one status, a new one each save. */
async function attendanceRegisters(db: DB): Promise<Workload> {
  const body = await makeBody(db, { level: "operationeel" });
  const members = (await times(REGISTER_SEATS, () => makeSeat(db, { body_id: body.id }))).map(
    (seat) => seat.person_id!,
  );
  const registers: Register[] = await times(REGISTERS, async () => {
    const meeting = await makeMeeting(db, { date: "2025-06-02", body_id: body.id, status: "gehouden" });
    return { id: meeting.id, version: meeting.version, status: null, pending: null };
  });
  const counts = noWrites();
  return {
    name: "attendance registers",
    counts,
    fire: (target) =>
      Promise.all(
        registers.map(async (register) => {
          for (let n = 0; ; n++) {
            await editorPause();
            const status = nextStatus(register.status);
            const form = new URLSearchParams({ intent: "save", version: String(register.version) });
            for (const member of members) {
              form.append("member", String(member));
              form.append(`status-${member}`, status);
            }
            register.pending = status;
            if (
              !expectAnswered(
                await target.send(`/vergaderingen/${register.id}/presentie`, form),
                302,
                `register ${register.id}`,
              )
            )
              return;
            register.version += 1;
            register.status = status;
            register.pending = null;
            counts.answered += 1;
          }
        }),
      ).then(() => undefined),
    check: async (db) => {
      for (const register of registers) {
        const { version } = await db
          .selectFrom("meetings")
          .select("version")
          .where("id", "=", register.id)
          .executeTakeFirstOrThrow();
        const rows = await db
          .selectFrom("attendance")
          .select(["person_id", "status"])
          .where("meeting_id", "=", register.id)
          .execute();
        if (register.pending) {
          const kept = version === register.version + 1;
          if (kept) {
            register.version += 1;
            register.status = register.pending;
          }
          counts[kept ? "kept" : "undone"] += 1;
          register.pending = null;
        }
        const who = `register ${register.id}`;
        expect(version, who).toBe(register.version);
        // all or nothing: one row per member, all with the status of the one save that is stored
        expect(
          rows.map((row) => row.person_id).sort((a, b) => a - b),
          who,
        ).toEqual(register.status ? [...members].sort((a, b) => a - b) : []);
        expect([...new Set(rows.map((row) => row.status))], who).toEqual(register.status ? [register.status] : []);
      }
    },
  };
}

function waveFreezes(drafts: readonly { id: number; version: number }[]): Workload {
  const waiting = drafts.map((wave) => ({ ...wave }));
  const answered = new Set<number>();
  const hashChecked = new Set<number>();
  let pending: number | null = null;
  const counts = noWrites();
  return {
    name: "wave freezes",
    counts,
    fire: async (target, round) => {
      const wave = waiting[0];
      if (round % FREEZE_EVERY !== 0 || !wave) return;
      await someMomentBeforeTheKill(target);
      pending = wave.id;
      const form = new URLSearchParams({ version: String(wave.version), confirm: "on" });
      if (!expectAnswered(await target.send(`/onderzoek/${wave.id}/voorbeeld`, form), 302, `freeze ${wave.id}`)) return;
      answered.add(wave.id);
      pending = null;
      counts.answered += 1;
    },
    check: async (db) => {
      const ids = drafts.map((wave) => wave.id);
      const waves = await db.selectFrom("survey_waves").selectAll().where("id", "in", ids).execute();
      const members = await db
        .selectFrom("panel_members")
        .select(["wave_id", "person_id", "attributes", "reasons"])
        .where("wave_id", "in", ids)
        .execute();
      for (const wave of waves) {
        const panel = members.filter((member) => member.wave_id === wave.id);
        const who = `wave ${wave.id}`;
        if (wave.status === "draft") {
          expect(answered.has(wave.id), `${who} was answered frozen`).toBe(false);
          expect(panel.length, who).toBe(0);
          continue;
        }
        const { total } = JSON.parse(wave.frozen_counts!) as { total: number };
        expect(panel.length, who).toBe(total);
        expect(total, who).toBe(PANEL_SIZE);
        if (!hashChecked.has(wave.id)) {
          const recomputed = panelContentHash({
            referenceDate: wave.reference_date,
            rules: parseStoredRules(wave.rules),
            members: panel.map((m) => ({
              personId: m.person_id,
              attributes: JSON.parse(m.attributes),
              reasons: JSON.parse(m.reasons),
            })),
          });
          expect(wave.content_hash, who).toBe(recomputed);
          hashChecked.add(wave.id);
        }
      }
      if (pending !== null) {
        const kept = waves.find((wave) => wave.id === pending)?.status === "frozen";
        counts[kept ? "kept" : "undone"] += 1;
        pending = null;
      }
      waiting.splice(
        0,
        waiting.length,
        ...waves.filter((wave) => wave.status === "draft").map(({ id, version }) => ({ id, version })),
      );
      waiting.sort((a, b) => a.id - b.id);
    },
  };
}

/** Each round the invitation of a frozen wave without one is started: the mailing row and one outbox row per member. */
function mailingStarts(waveIds: readonly number[]): Workload {
  const answered = new Set<number>();
  let next: number | null = waveIds[0] ?? null;
  let pending: number | null = null;
  const counts = noWrites();
  return {
    name: "mailing starts",
    counts,
    fire: async (target) => {
      if (next === null) return;
      await someMomentBeforeTheKill(target);
      pending = next;
      const form = new URLSearchParams({
        intent: "start",
        when: "later",
        start_date: "2030-01-06",
        start_time: "09:00",
        rate_per_minute: "",
        confirm: "on",
      });
      if (
        !expectAnswered(
          await target.send(`/onderzoek/${next}/mailing/uitnodiging`, form),
          302,
          `mailing of wave ${next}`,
        )
      )
        return;
      answered.add(next);
      pending = null;
      counts.answered += 1;
    },
    check: async (db) => {
      const mailings = await db
        .selectFrom("mailings")
        .select([
          "id",
          "wave_id",
          (eb) =>
            eb
              .selectFrom("mail_outbox")
              .whereRef("mail_outbox.mailing_id", "=", "mailings.id")
              .select((o) => o.fn.countAll<number>().as("n"))
              .as("outbox"),
        ])
        .where("wave_id", "in", [...waveIds])
        .execute();
      const started = new Set(mailings.map((mailing) => mailing.wave_id));
      for (const wave of answered) expect(started.has(wave), `mailing of wave ${wave} was answered started`).toBe(true);
      // the whole outbox or no mailing: every panel member of these waves has an address
      for (const mailing of mailings) expect(Number(mailing.outbox), `mailing ${mailing.id}`).toBe(PANEL_SIZE);
      if (pending !== null) {
        counts[started.has(pending) ? "kept" : "undone"] += 1;
        pending = null;
      }
      const frozen = await db
        .selectFrom("survey_waves")
        .select("id")
        .where("id", "in", [...waveIds])
        .where("status", "=", "frozen")
        .orderBy("id")
        .execute();
      next = frozen.find((wave) => !started.has(wave.id))?.id ?? null;
    },
  };
}

/** Each round a file of bounced addresses is uploaded: several people's addresses flagged in one transaction. */
async function bounceUploads(db: DB, rounds: number, waveId: number): Promise<Workload> {
  const pool = await times((rounds + 3) * ADDRESSES_PER_UPLOAD, async () => {
    const email = `onbestelbaar-${unique()}@example.org`;
    await makePerson(db, { email });
    return email;
  });
  const flagged = new Set<string>();
  let pending: string[] = [];
  const counts = noWrites();
  return {
    name: "bounce uploads",
    counts,
    fire: async (target) => {
      await someMomentBeforeTheKill(target);
      const upload = pool.filter((email) => !flagged.has(email)).slice(0, ADDRESSES_PER_UPLOAD);
      pending = upload;
      const form = new FormData();
      form.append("intent", "bounces");
      form.append("addresses", "");
      form.append("reason", "550 user unknown");
      const report = upload.map((email) => `<${email}>: host said: 550 5.1.1 User unknown`).join("\n");
      form.append("file", new Blob([report], { type: "text/plain" }), "onbestelbaar.txt");
      // a frozen wave's mailing page takes the upload (the first wave is frozen from the start); as
      // the page's script sends it, for the action's answer alone (the page is not rendered)
      const page = `/onderzoek/${waveId}/mailing/uitnodiging?_data=${encodeURIComponent("routes/onderzoek.$waveId_.mailing.$soort")}`;
      if (!expectAnswered(await target.send(page, form), 200, "bounce upload")) return;
      for (const email of upload) flagged.add(email);
      pending = [];
      counts.answered += 1;
    },
    check: async (db) => {
      const rows = await db
        .selectFrom("person_emails")
        .select("email")
        .where("email", "in", pool)
        .where("bounced_at", "is not", null)
        .execute();
      const stored = new Set(rows.map((row) => row.email));
      if (pending.length > 0) {
        const kept = pending.filter((email) => stored.has(email));
        // one upload is one transaction: all its addresses flagged, or none
        expect(kept.length === 0 || kept.length === pending.length, `upload ${pending.join(", ")}`).toBe(true);
        for (const email of kept) flagged.add(email);
        counts[kept.length ? "kept" : "undone"] += 1;
        pending = [];
      }
      expect([...stored].sort()).toEqual([...flagged].sort());
    },
  };
}

/**
 * Each round one previewed spreadsheet of new people (with a job each) is imported: the answer comes
 * when the batch is marked `importing`, the import itself runs after it in the server, so the kill
 * falls before, during or after its transaction. Each round's people all exist, with the batch
 * imported and listing them, or none does.
 */
async function spreadsheetImports(db: DB, actor: User, rounds: number): Promise<Workload> {
  const organisation = await makeOrganisation(db, { name: `Importzorg ${unique()}` });
  const batches = await times(rounds + 1, async (round) => {
    const lines = ["Voornaam;Achternaam;E-mail;Organisatie;Functie"];
    for (let row = 0; row < IMPORT_ROWS; row += 1)
      lines.push(`Ronde;Import-${round}-${row};import-${round}-${row}@example.org;${organisation.name};adviseur`);
    const read = await readImportFile("ronde.csv", new TextEncoder().encode(lines.join("\n")));
    if (!read.ok) throw new Error(read.message);
    const id = await createImportBatch(
      db,
      actor,
      `ronde-${round}.csv`,
      read.table,
      suggestMapping(read.table.headers),
      await defaultRegionId(db),
    );
    const uploaded = (await getImportBatch(db, id))!;
    await startImportPreview(db, actor, id, uploaded.version, uploaded.mapping!);
    await previewImportBatch(db, id);
    return { id, round, version: (await getImportBatch(db, id))!.version };
  });
  const imported = new Set<number>();
  let pending: (typeof batches)[number] | null = null;
  const counts = noWrites();
  return {
    name: "spreadsheet imports",
    counts,
    fire: async (target, round) => {
      await someMomentBeforeTheKill(target);
      const batch = batches[round];
      if (!batch) return;
      pending = batch;
      const form = new URLSearchParams({ intent: "import", version: String(batch.version), confirm: "on" });
      if (!expectAnswered(await target.send(`/importeren/${batch.id}`, form), 302, "import")) return;
      counts.answered += 1;
    },
    check: async (db) => {
      for (const batch of batches) {
        const people = await db
          .selectFrom("people")
          .select("id")
          .where("last_name", "like", `Import-${batch.round}-%`)
          .execute();
        const row = await db
          .selectFrom("import_batches")
          .select("status")
          .where("id", "=", batch.id)
          .executeTakeFirstOrThrow();
        const records = await db
          .selectFrom("import_batch_records")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("batch_id", "=", batch.id)
          .executeTakeFirstOrThrow();
        // one import is one transaction: every row's person and job with the batch's own record of them, or nothing
        expect([0, IMPORT_ROWS], `people of import round ${batch.round}`).toContain(people.length);
        if (people.length === IMPORT_ROWS) {
          expect(row.status).toBe("imported");
          expect(Number(records.n)).toBe(2 * IMPORT_ROWS);
          if (pending?.id === batch.id && !imported.has(batch.id)) counts.kept += 1;
          imported.add(batch.id);
        } else {
          expect(row.status).not.toBe("imported");
          expect(Number(records.n)).toBe(0);
          expect(imported.has(batch.id), `import round ${batch.round} was stored before`).toBe(false);
          if (pending?.id === batch.id) counts.undone += 1;
        }
      }
      pending = null;
    },
  };
}
