import { randomInt } from "node:crypto";
import type { DB } from "../../db/index";
import {
  drawInterviewSample,
  MAX_SEED,
  SAMPLE_PRNG,
  type SampleStratum,
  sampleSizeProblem,
} from "../services/interview-sample";
import { compareByDutchName } from "../services/names";
import type { PanelAttributes } from "../services/panel-rules-schema";
import { type Actor, recordAudit } from "./audit.server";
import { inTransaction, RecordNotFoundError, RegisterError } from "./editing.server";

/**
 * Interview samples of a frozen panel (decision 035): drawn once, stored with everything the method
 * paragraph needs, and never changed. Drawing again with the same seed makes a new sample with the
 * same people, as long as the eligible panel members are the same.
 */

/** Rows inserted per statement: well under SQLite's limit of bound values. */
const INSERT_BATCH = 1000;

/** The panel's members a sample may be drawn from: not erased, not excluded after the freeze. */
async function eligibleMembers(db: Pick<DB, "selectFrom">, waveId: number) {
  const rows = await db
    .selectFrom("panel_members")
    .select(["person_id", "attributes"])
    .where("wave_id", "=", waveId)
    .where("erased_at", "is", null)
    .where("excluded_at", "is", null)
    .execute();
  return rows.map((row) => ({ personId: row.person_id, attributes: JSON.parse(row.attributes) as PanelAttributes }));
}

async function frozenWaveOf(db: Pick<DB, "selectFrom">, waveId: number) {
  const wave = await db
    .selectFrom("survey_waves")
    .select(["id", "name", "reference_date", "status"])
    .where("id", "=", waveId)
    .executeTakeFirst();
  if (!wave) throw new RecordNotFoundError("survey_waves", waveId);
  if (wave.status === "draft") throw new RegisterError("samples.errors.draft");
  return wave;
}

/** The wave and how many of its panel members a sample can be drawn from, for the draw form. */
export async function sampleSource(db: DB, waveId: number) {
  const wave = await frozenWaveOf(db, waveId);
  const { n } = await db
    .selectFrom("panel_members")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("wave_id", "=", waveId)
    .where("erased_at", "is", null)
    .where("excluded_at", "is", null)
    .executeTakeFirstOrThrow();
  return { wave, eligible: Number(n) };
}

/** A new random seed, in the range the table keeps. */
export const newSeed = () => randomInt(1, MAX_SEED + 1);

/** Draws and stores a sample of `size` eligible panel members; returns its id. */
export async function drawSample(
  db: DB,
  actor: Actor,
  waveId: number,
  input: { size: number; seed: number | null },
): Promise<number> {
  const seed = input.seed ?? newSeed();
  return inTransaction(db, async (trx) => {
    await frozenWaveOf(trx, waveId);
    const members = await eligibleMembers(trx, waveId);
    const problem = sampleSizeProblem(input.size, members.length);
    if (problem) throw new RegisterError(problem, "size");
    const drawn = drawInterviewSample(members, input.size, seed);
    const sample = await trx
      .insertInto("interview_samples")
      .values({
        wave_id: waveId,
        size: drawn.size,
        seed: drawn.seed,
        prng: SAMPLE_PRNG,
        population: drawn.population,
        strata: JSON.stringify(drawn.strata),
        drawn_by: actor.id,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (let start = 0; start < drawn.members.length; start += INSERT_BATCH) {
      await trx
        .insertInto("interview_sample_members")
        .values(
          drawn.members
            .slice(start, start + INSERT_BATCH)
            .map((member) => ({ sample_id: sample.id, person_id: member.personId, stratum: member.stratum })),
        )
        .execute();
    }
    // counts only: the people drawn are in the sample's own rows, which an erasure reaches through the panel
    await recordAudit(trx, actor, {
      action: "create",
      entity: "interview_samples",
      entityId: sample.id,
      summary: "interview_sample_drawn",
      after: {
        wave_id: waveId,
        size: drawn.size,
        seed: drawn.seed,
        prng: SAMPLE_PRNG,
        population: drawn.population,
        strata: drawn.strata.length,
      },
    });
    return sample.id;
  });
}

/** A wave's samples, newest first, with who drew them. */
export async function samplesOfWave(db: DB, waveId: number) {
  return db
    .selectFrom("interview_samples")
    .leftJoin("users", "users.id", "interview_samples.drawn_by")
    .select([
      "interview_samples.id",
      "interview_samples.size",
      "interview_samples.seed",
      "interview_samples.population",
      "interview_samples.drawn_at",
      "users.name as drawnByName",
    ])
    .where("interview_samples.wave_id", "=", waveId)
    .orderBy("interview_samples.drawn_at", "desc")
    .orderBy("interview_samples.id", "desc")
    .execute();
}

/** One sample with its wave, strata and members (names as the panel holds them now), in name order. */
export async function getSample(db: DB, waveId: number, sampleId: number) {
  const sample = await db
    .selectFrom("interview_samples")
    .innerJoin("survey_waves", "survey_waves.id", "interview_samples.wave_id")
    .leftJoin("regions", "regions.id", "survey_waves.region_id")
    .leftJoin("users", "users.id", "interview_samples.drawn_by")
    .select([
      "interview_samples.id",
      "interview_samples.size",
      "interview_samples.seed",
      "interview_samples.prng",
      "interview_samples.population",
      "interview_samples.strata",
      "interview_samples.drawn_at",
      "users.name as drawnByName",
      "survey_waves.id as waveId",
      "survey_waves.name as waveName",
      "survey_waves.reference_date as referenceDate",
      "survey_waves.status as waveStatus",
      "regions.name as regionName",
    ])
    .where("interview_samples.id", "=", sampleId)
    .where("interview_samples.wave_id", "=", waveId)
    .executeTakeFirst();
  if (!sample) return null;
  const rows = await db
    .selectFrom("interview_sample_members")
    .innerJoin("panel_members", (join) =>
      join
        .onRef("panel_members.person_id", "=", "interview_sample_members.person_id")
        .on("panel_members.wave_id", "=", waveId),
    )
    .select([
      "interview_sample_members.person_id as personId",
      "interview_sample_members.stratum",
      "panel_members.first_name",
      "panel_members.infix",
      "panel_members.last_name",
      "panel_members.salutation",
      "panel_members.email",
      "panel_members.attributes",
      "panel_members.erased_at",
      "panel_members.excluded_at",
    ])
    .where("interview_sample_members.sample_id", "=", sampleId)
    .execute();
  const members = rows
    .map(({ attributes, ...row }) => ({ ...row, attributes: JSON.parse(attributes) as PanelAttributes }))
    .sort((a, b) => compareByDutchName(a, b) || a.personId - b.personId);
  const { strata, ...rest } = sample;
  return { ...rest, strata: JSON.parse(strata) as SampleStratum[], members };
}

export type StoredSample = NonNullable<Awaited<ReturnType<typeof getSample>>>;

/** A sample's download in the audit log: who took which file, when, with how many rows. */
export async function recordSampleExport(db: DB, actor: Actor, sampleId: number, kind: string, rowCount: number) {
  await inTransaction(db, (trx) =>
    recordAudit(trx, actor, {
      action: "export",
      entity: "interview_samples",
      entityId: sampleId,
      summary: `export_sample_${kind}`,
      after: { export: kind, rows: rowCount },
    }),
  );
}
