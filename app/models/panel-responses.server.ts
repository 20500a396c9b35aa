import { jsonInteger, jsonText, textList } from "../../db/dialect";
import type { DB } from "../../db/index";
import type { IsoDate, IsoMoment } from "../../db/schema";
import { compareDutch, sortedByDutchName } from "../services/names";
import type { PanelAttributes } from "../services/panel-rules-schema";
import type { AppliedResponses } from "../services/response-file-formats";
import { readResponseFile, type ResponseRecord } from "../services/response-files";
import { responseRates } from "../services/response-rates";
import { type Actor, recordAudit, type Trx } from "./audit.server";
import { inTransaction, RecordNotFoundError, RegisterError } from "./editing.server";
import { currentConsentStatus, primaryEmailOf } from "./people.server";

/**
 * The responses of a frozen wave, read back from the survey tool's files: who started and who
 * completed (panel_responses, one row per member), the rates the dashboard shows, and the list of
 * those the office calls.
 */

export const RESPONSE_AUDIT_SUMMARIES = { applied: "responses_applied", followUpExport: "export_follow_up" } as const;

export interface ResponseUpload {
  name: string;
  content: string | Uint8Array;
}

interface StoredResponse {
  started_at: IsoMoment | null;
  completed_at: IsoMoment | null;
}

type Change = { kind: "started" | "completed"; started_at: IsoMoment | null; completed_at: IsoMoment | null };

/**
 * What a file's record changes for a member. A completion is final: a later file that says "N"
 * (or another date) does not undo or move it; a start is kept as first recorded.
 */
function changeFor(stored: StoredResponse | null, incoming: ResponseRecord): Change | null {
  if (stored?.completed_at) return null;
  if (incoming.completedAt !== null)
    return {
      kind: "completed",
      started_at: stored?.started_at ?? incoming.startedAt,
      completed_at: incoming.completedAt,
    };
  if (incoming.startedAt !== null && !stored?.started_at)
    return { kind: "started", started_at: incoming.startedAt, completed_at: null };
  return null;
}

const UPSERT_BATCH = 500;

/**
 * Applies a response file to a frozen wave: each token of the wave's panel marks its member started
 * or completed with the file's date. Tokens of no panel, and of another wave's panel, are listed
 * and not applied. One transaction; one audit entry with the counts and the file's name (no tokens,
 * no names), none when the file changed nothing (the same file twice).
 */
export async function applyResponses(
  db: DB,
  actor: Actor,
  waveId: number,
  file: ResponseUpload,
): Promise<AppliedResponses> {
  const read = readResponseFile(file.content);
  if (!read.ok) throw new RegisterError(read.message, "file");
  return inTransaction(db, async (trx) => {
    const wave = await trx.selectFrom("survey_waves").select("status").where("id", "=", waveId).executeTakeFirst();
    if (!wave) throw new RecordNotFoundError("survey_waves", waveId);
    if (wave.status === "draft") throw new RegisterError("responses.errors.draft");

    const members = await trx
      .selectFrom("panel_members")
      .leftJoin("panel_responses", "panel_responses.panel_member_id", "panel_members.id")
      .select([
        "panel_members.id",
        "panel_members.token",
        "panel_responses.panel_member_id as stored",
        "panel_responses.started_at",
        "panel_responses.completed_at",
      ])
      .where("panel_members.wave_id", "=", waveId)
      .execute();
    const byToken = new Map(members.map((member) => [member.token, member]));

    const writes: { panel_member_id: number; started_at: IsoMoment | null; completed_at: IsoMoment | null }[] = [];
    const unmatched: string[] = [];
    const counts = { newlyStarted: 0, newlyCompleted: 0, unchanged: 0 };
    for (const response of read.responses) {
      const member = byToken.get(response.token);
      if (!member) {
        unmatched.push(response.token);
        continue;
      }
      const change = changeFor(member.stored === null ? null : member, response);
      if (!change) {
        counts.unchanged += 1;
        continue;
      }
      if (change.kind === "completed") counts.newlyCompleted += 1;
      else counts.newlyStarted += 1;
      writes.push({ panel_member_id: member.id, started_at: change.started_at, completed_at: change.completed_at });
    }

    const now = new Date().toISOString();
    for (let i = 0; i < writes.length; i += UPSERT_BATCH) {
      await trx
        .insertInto("panel_responses")
        .values(writes.slice(i, i + UPSERT_BATCH).map((write) => ({ ...write, source: read.format, updated_at: now })))
        .onConflict((conflict) =>
          conflict.column("panel_member_id").doUpdateSet((eb) => ({
            started_at: eb.ref("excluded.started_at"),
            completed_at: eb.ref("excluded.completed_at"),
            source: eb.ref("excluded.source"),
            updated_at: eb.ref("excluded.updated_at"),
          })),
        )
        .execute();
    }

    const elsewhere =
      unmatched.length === 0
        ? []
        : await trx
            .selectFrom("panel_members")
            .innerJoin("survey_waves", "survey_waves.id", "panel_members.wave_id")
            .select(["panel_members.token", "survey_waves.id", "survey_waves.name"])
            .where("panel_members.token", "in", textList(db, unmatched))
            .where("panel_members.wave_id", "!=", waveId)
            .execute();
    const otherWaves = new Map<number, AppliedResponses["otherWaves"][number]>();
    for (const row of elsewhere) {
      const wave = otherWaves.get(row.id) ?? { waveId: row.id, waveName: row.name, tokens: [] };
      wave.tokens.push(row.token);
      otherWaves.set(row.id, wave);
    }
    const foundElsewhere = new Set(elsewhere.map((row) => row.token));

    const applied: AppliedResponses = {
      fileName: file.name,
      format: read.format,
      ...counts,
      withoutToken: read.withoutToken,
      notFound: unmatched.filter((token) => !foundElsewhere.has(token)),
      otherWaves: [...otherWaves.values()].sort((a, b) => compareDutch(a.waveName, b.waveName)),
    };
    if (writes.length > 0) {
      await recordAudit(trx, actor, {
        action: "update",
        entity: "survey_waves",
        entityId: waveId,
        summary: RESPONSE_AUDIT_SUMMARIES.applied,
        after: {
          file: applied.fileName,
          format: applied.format,
          newlyStarted: applied.newlyStarted,
          newlyCompleted: applied.newlyCompleted,
          unchanged: applied.unchanged,
          withoutToken: applied.withoutToken,
          notFound: applied.notFound.length,
          otherWave: foundElsewhere.size,
        },
      });
    }
    return applied;
  });
}

/** The wave's own facts the response pages show, or null when there is no such wave. */
async function responseWave(db: DB | Trx, waveId: number) {
  const wave = await db
    .selectFrom("survey_waves")
    .leftJoin("regions", "regions.id", "survey_waves.region_id")
    .select([
      "survey_waves.id",
      "survey_waves.name",
      "survey_waves.status",
      "survey_waves.closes_on",
      // a member of an organisation without a subregion counts under the wave's region, by name
      "regions.name as region_name",
    ])
    .where("survey_waves.id", "=", waveId)
    .executeTakeFirst();
  return wave ?? null;
}

/**
 * A wave's response for its dashboard: the rate overall, per stratum (level, sector, subregion,
 * body, from the members' attributes as frozen) and per day from the first invitation or response.
 */
export async function responseOverview(db: DB, waveId: number, today: IsoDate) {
  const wave = await responseWave(db, waveId);
  if (!wave) return null;
  const members = await db
    .selectFrom("panel_members")
    .leftJoin("panel_responses", "panel_responses.panel_member_id", "panel_members.id")
    .select([
      "panel_members.attributes",
      "panel_members.excluded_at",
      "panel_responses.started_at",
      "panel_responses.completed_at",
    ])
    .where("panel_members.wave_id", "=", waveId)
    .execute();
  const { first } = await db
    .selectFrom("mail_outbox")
    .innerJoin("mailings", "mailings.id", "mail_outbox.mailing_id")
    .select((eb) => eb.fn.min<IsoMoment | null>("mail_outbox.sent_at").as("first"))
    .where("mailings.wave_id", "=", waveId)
    .where("mailings.kind", "=", "invitation")
    .executeTakeFirstOrThrow();
  const rates = responseRates(
    members.map((member) => ({
      attributes: JSON.parse(member.attributes) as PanelAttributes,
      excluded: member.excluded_at !== null,
      startedAt: member.started_at,
      completedAt: member.completed_at,
    })),
    { firstInvitation: first, today, closesOn: wave.closes_on, closed: wave.status === "closed" },
  );
  return { wave, ...rates };
}

export type ResponseOverview = NonNullable<Awaited<ReturnType<typeof responseOverview>>>;

export interface NonResponder {
  personId: number;
  first_name: string | null;
  infix: string | null;
  last_name: string;
  organisation: string | null;
  /** the person's phone number as the register has it now */
  phone: string | null;
  /** the organisation's, for those without a number of their own */
  organisationPhone: string | null;
  /** the current primary address; else the address the panel was drawn with */
  email: string;
  startedAt: IsoMoment | null;
}

/**
 * Members who did not complete and were not excluded, for the office to call: their organisation
 * (as frozen), current phone number and primary address, by organisation and name. Those who have
 * since opted out of research mail are counted, not listed: they asked not to be approached.
 */
export async function nonResponders(db: DB, waveId: number) {
  const wave = await responseWave(db, waveId);
  if (!wave) return null;
  const rows = await db
    .selectFrom("panel_members")
    .innerJoin("people", "people.id", "panel_members.person_id")
    .leftJoin("panel_responses", "panel_responses.panel_member_id", "panel_members.id")
    .leftJoin("organisations", (join) =>
      join.on((eb) => eb("organisations.id", "=", jsonInteger(db, "panel_members.attributes", "organisationId"))),
    )
    .select((eb) => [
      "people.id as personId",
      "people.first_name",
      "people.infix",
      "people.last_name",
      "people.phone",
      "organisations.phone as organisationPhone",
      "panel_members.email as panelEmail",
      "panel_responses.started_at as startedAt",
      jsonText(db, "panel_members.attributes", "organisationName").as("organisation"),
      currentConsentStatus(eb, "research").as("researchConsent"),
      primaryEmailOf(eb).as("primaryEmail"),
    ])
    .where("panel_members.wave_id", "=", waveId)
    .where("panel_members.excluded_at", "is", null)
    .where("panel_responses.completed_at", "is", null)
    .execute();
  const optedOut = rows.filter((row) => row.researchConsent === "withdrawn").length;
  const listed = rows
    .filter((row) => row.researchConsent !== "withdrawn")
    .map((row): NonResponder => ({
      personId: row.personId,
      first_name: row.first_name,
      infix: row.infix,
      last_name: row.last_name,
      organisation: row.organisation,
      phone: row.phone,
      organisationPhone: row.organisationPhone,
      email: row.primaryEmail ?? row.panelEmail,
      startedAt: row.startedAt,
    }));
  const byName = sortedByDutchName(
    listed,
    (row) => row,
    (a, b) => a.personId - b.personId,
  );
  // by organisation (none last), the names in order within each: a stable sort keeps the name order
  const members = byName.sort((a, b) =>
    a.organisation === b.organisation
      ? 0
      : a.organisation === null
        ? 1
        : b.organisation === null
          ? -1
          : compareDutch(a.organisation, b.organisation),
  );
  return { wave, members, optedOut };
}

/** A download of the follow-up list goes in the audit log, as every personal-data export of a wave does. */
export async function recordFollowUpExport(db: DB, actor: Actor, waveId: number, rowCount: number): Promise<void> {
  await inTransaction(db, (trx) =>
    recordAudit(trx, actor, {
      action: "export",
      entity: "survey_waves",
      entityId: waveId,
      summary: RESPONSE_AUDIT_SUMMARIES.followUpExport,
      after: { export: "nabellen", rows: rowCount },
    }),
  );
}
