import { z } from "zod";
import {
  checkbox,
  type FormFailure,
  isoDay,
  messageKey,
  optionalIsoDay,
  optionalText,
  periodRule,
  positiveInt,
  requiredId,
} from "./form-data";
import { positiveIntFrom } from "./list-params";

/**
 * The forms of the page with a person's jobs (affiliations), one schema per intent, shared by the
 * browser and the action (which saves them in person-jobs.server.ts); and the notices after them.
 */

const jobFields = {
  organisation_id: requiredId(),
  function_title: optionalText(120),
  start_date: optionalIsoDay(),
  end_date: optionalIsoDay(),
};

export const addJobSchema = z
  .object({ intent: z.literal("add"), ...jobFields })
  .superRefine(periodRule("start_date", "end_date"));

export const editJobSchema = z
  .object({ intent: z.literal("edit"), affiliationId: positiveInt(), version: positiveInt(), ...jobFields })
  .superRefine(periodRule("start_date", "end_date"));

/** Ending needs a ticked box: a confirmation step that works without JavaScript. */
export const endJobSchema = z.object({
  intent: z.literal("end"),
  affiliationId: positiveInt(),
  version: positiveInt(),
  end_date: isoDay(),
  confirm: checkbox().refine((ticked) => ticked, messageKey("people.errors.confirmEnd")),
});

/** The undo button of the notice after an end: the version the end produced. */
export const undoJobEndSchema = z.object({
  intent: z.literal("undo"),
  affiliationId: positiveInt(),
  version: positiveInt(),
});

export const JOB_SCHEMAS = {
  add: addJobSchema,
  edit: editJobSchema,
  end: endJobSchema,
  undo: undoJobEndSchema,
} as const;

export type JobIntent = keyof typeof JOB_SCHEMAS;

export type JobSubmission = z.output<(typeof JOB_SCHEMAS)[JobIntent]>;

export function isJobIntent(value: unknown): value is JobIntent {
  return typeof value === "string" && Object.hasOwn(JOB_SCHEMAS, value);
}

/** Which form of the page an answer is about: the edit and end forms repeat per job, so its id too. */
export type JobForm = { intent: JobIntent; affiliationId: string };

/** The action's answer when it refuses a form (every success redirects): what was typed, and why not. */
export type JobAnswer = FormFailure & JobForm;

/** The answer if it is about the given form of the given job, else null. */
export function answerForJobForm<Answer extends JobForm>(
  answer: Answer | undefined,
  intent: JobIntent,
  affiliationId: string,
): Answer | null {
  return answer?.intent === intent && answer.affiliationId === affiliationId ? answer : null;
}

/** The intents whose success the page confirms with a plain notice. */
const NOTICE_INTENTS = ["add", "edit", "undo"] as const;

/** A job as the notices need it. */
export interface NoticedJob {
  id: number;
  version: number;
  end_date: string | null;
}

/**
 * What the page says after a change, from the parameters of the redirect that followed it: the
 * plain notice, the job just ended (with an undo) and the job whose end was just undone.
 */
export function jobNotices<Job extends NoticedJob>(search: URLSearchParams, jobs: readonly Job[]) {
  const saved = search.get("opgeslagen");
  const endedId = positiveIntFrom(search, "beeindigd");
  const ended = jobs.find((job) => job.id === endedId && job.end_date !== null);
  const undoneId = saved === "undo" ? positiveIntFrom(search, "functie") : undefined;
  return {
    saved: NOTICE_INTENTS.find((intent) => intent === saved) ?? null,
    // the undo offer holds while nobody changed the job after the end (its version is the one the end produced)
    ended: ended && ended.version === positiveIntFrom(search, "versie") ? ended : null,
    undone: jobs.find((job) => job.id === undoneId) ?? null,
  };
}
