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
import { type Notice, noticeFrom } from "./notices";

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

/** The notices after a change on the page (saveJob writes them); an end's comes with its undo. */
const JOB_NOTICES = ["toegevoegd", "opgeslagen", "beeindigd", "ongedaan"] as const satisfies readonly Notice[];
export type JobNotice = (typeof JOB_NOTICES)[number];

/** A job as the notices need it. */
export interface NoticedJob {
  id: number;
  version: number;
  end_date: string | null;
}

/**
 * What the page says after a change, from the parameters of the redirect that followed it: the
 * notice, the job just ended (with an undo) and the job whose end was just undone.
 */
export function jobNotices<Job extends NoticedJob>(search: URLSearchParams, jobs: readonly Job[]) {
  const notice = noticeFrom(search, JOB_NOTICES);
  const namedId = positiveIntFrom(search, "id");
  const named = jobs.find((job) => job.id === namedId);
  return {
    notice,
    // the undo offer holds while nobody changed the job after the end (its version is the one the end produced)
    ended:
      notice === "beeindigd" && named && named.end_date !== null && named.version === positiveIntFrom(search, "versie")
        ? named
        : null,
    undone: notice === "ongedaan" ? (named ?? null) : null,
  };
}
