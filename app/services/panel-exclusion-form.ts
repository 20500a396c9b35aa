import { z } from "zod";
import type { Language } from "../../db/schema";
import { formatDay, todayInAmsterdam } from "../i18n/format";
import { checkbox, type FormFailure, messageKey, positiveInt } from "./form-data";

/** A later exclusion: a reason, and a ticked box because it cannot be undone. */
export const exclusionSchema = z.object({
  personId: positiveInt(),
  reason: z
    .string({ error: messageKey("waves.errors.exclusionReasonRequired") })
    .trim()
    .min(1, messageKey("waves.errors.exclusionReasonRequired"))
    .max(500, messageKey("waves.errors.exclusionReasonTooLong")),
  confirm: checkbox().refine((ticked) => ticked, messageKey("panel.exclude.confirmRequired")),
});

/** What the frozen panel page's action answers when it does not redirect: the exclusion form, refused. */
export type PanelExclusionAnswer = FormFailure & { kind: "refused" };

/** The day of a moment in Amsterdam, written out: "5 oktober 2025". */
export const dayOf = (moment: string, language: Language) => formatDay(todayInAmsterdam(new Date(moment)), language);
