import { json, redirect, type TypedResponse } from "@remix-run/node";
import type { DB } from "../../db/index";
import { todayInAmsterdam } from "../i18n/format";
import type { Actor } from "../models/audit.server";
import { erasePeople } from "../models/person-erasure.server";
import {
  archiveForRetention,
  changedSince,
  ChosenPeopleChangedError,
  chosenForReview,
  type ReviewCriteria,
} from "../models/retention.server";
import { withNotice } from "./notices";
import {
  RETENTION_PARAMS,
  type ReviewRow,
  retentionCutoff,
  retentionListPath,
  retentionMonthsOf,
  type SelectedPerson,
  selectionFrom,
} from "./retention";

/** What a post to the retention page answers when it does not redirect. */
export type RetentionAnswer =
  | { kind: "nothingChosen" }
  | {
      kind: "confirm";
      bulk: "archive" | "erase";
      rows: ReviewRow[];
      dropped: number;
      changed: number;
      months: number;
      includeArchived: boolean;
    };

const textOf = (value: FormDataEntryValue | null) => (typeof value === "string" ? value : "");

const INTENTS = {
  "review-archive": { bulk: "archive", confirmed: false },
  "review-erase": { bulk: "erase", confirmed: false },
  "confirm-archive": { bulk: "archive", confirmed: true },
  "confirm-erase": { bulk: "erase", confirmed: true },
} as const;

/**
 * A post of the list's bulk form (to the confirmation step) or of the confirmation (the change
 * itself). Archiving concerns the unarchived only; erasure the archived too.
 */
export async function answerRetentionPost(
  db: DB,
  actor: Actor,
  formData: FormData,
  configuredMonths: number,
): Promise<TypedResponse<RetentionAnswer> | TypedResponse<never>> {
  const intent = textOf(formData.get("intent"));
  if (!Object.hasOwn(INTENTS, intent)) throw new Response(null, { status: 400, statusText: "Bad Request" });
  const { bulk, confirmed } = INTENTS[intent as keyof typeof INTENTS];
  const months = retentionMonthsOf(textOf(formData.get(RETENTION_PARAMS.months))) ?? configuredMonths;
  const shownArchived = formData.get(RETENTION_PARAMS.includeArchived) === "1";
  const today = todayInAmsterdam();
  const criteria: ReviewCriteria = {
    cutoff: retentionCutoff(today, months),
    today,
    includeArchived: bulk === "erase",
  };
  const chosen = selectionFrom(formData.getAll("persoon"));
  if (chosen.length === 0) return json<RetentionAnswer>({ kind: "nothingChosen" }, { status: 400 });

  const confirmStep = async (changed: readonly SelectedPerson[]) => {
    const rows = await chosenForReview(db, criteria, chosen);
    const answer: RetentionAnswer = {
      kind: "confirm",
      bulk,
      rows,
      dropped: confirmed ? 0 : chosen.length - rows.length,
      changed: changed.length,
      months,
      includeArchived: shownArchived,
    };
    return json(answer, { status: changed.length > 0 ? 409 : 200 });
  };
  if (!confirmed) return confirmStep([]);

  const done = retentionListPath(months, shownArchived);
  if (bulk === "archive") {
    try {
      await archiveForRetention(db, actor, criteria, chosen);
    } catch (error) {
      if (error instanceof ChosenPeopleChangedError) return confirmStep(error.changed);
      throw error;
    }
    return redirect(withNotice(done, "gearchiveerd"));
  }
  const changed = changedSince(chosen, await chosenForReview(db, criteria, chosen));
  if (changed.length > 0) return confirmStep(changed);
  // each person as the erase page does it, all of them in one transaction
  await erasePeople(
    db,
    actor,
    chosen.map((person) => person.id),
  );
  return redirect(withNotice(done, "gewist"));
}
