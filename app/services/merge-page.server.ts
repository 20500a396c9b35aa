import { json, redirect } from "@remix-run/node";
import type { AppLoadContext } from "@remix-run/node";
import type { MergedEntity } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { listScope } from "../auth/region.server";
import { regionsOfParty } from "../models/record-regions.server";
import { todayInAmsterdam } from "../i18n/format";
import {
  MergeChangedError,
  mergeComparison,
  mergeOrganisations,
  mergePeople,
  mergesInto,
  recordName,
  survivorOf,
  undoMerge,
} from "../models/merges.server";
import { searchRegister } from "../models/search.server";
import { FORM_ERROR, type FormFailure, parseForm, submittedValues } from "./form-data";
import { fieldChoicesFrom, keepField, mergeSchema, UNDO_MERGE_INTENT, undoMergeSchema } from "./merge-form";
import { defaultFieldChoices, differingFields, MERGE_FIELDS } from "./merge-plan";
import { noticeFrom, withNotice } from "./notices";
import { recordIdParam } from "./record-id";
import { refusalResponse } from "./refusal.server";

/**
 * What the two merge pages (people and organisations) and the survivor's page do with a merge:
 * shared here so each route stays a few lines (decision 015).
 */

export const RECORD_PATH: Record<MergedEntity, string> = { people: "/personen", organisations: "/organisaties" };
const SEARCH_KIND = { people: "person", organisations: "organisation" } as const;
const FOUND_LIMIT = 20;

/** The merge page: with `met`, the two side by side; without, a search for the other record. */
export async function mergePageLoader(request: Request, context: AppLoadContext, entity: MergedEntity, id: string) {
  const survivorId = recordIdParam(id);
  const user = await requirePermission(request, context, "register.edit", {
    record: regionsOfParty(entity, survivorId),
  });
  const url = new URL(request.url);
  const otherParam = url.searchParams.get("met");
  const otherId = otherParam && /^\d{1,9}$/.test(otherParam) ? Number(otherParam) : null;
  if (otherId !== null)
    await requirePermission(request, context, "register.edit", { record: regionsOfParty(entity, otherId) });
  const name = await recordName(context.db, entity, survivorId);
  if (name === null) throw new Response(null, { status: 404, statusText: "Not Found" });
  const merged = await survivorOf(context.db, entity, survivorId);
  if (merged !== null)
    return redirect(withNotice(`${RECORD_PATH[entity]}/${merged}`, "doorverwezen", { id: survivorId }));

  const text = (url.searchParams.get("zoek") ?? "").trim().slice(0, 200);
  const found =
    otherId === null && text
      ? (
          await searchRegister(context.db, text, {
            limit: FOUND_LIMIT,
            onDay: todayInAmsterdam(),
            language: user.language,
            scope: await listScope(request, context),
          })
        ).filter((result) => result.kind === SEARCH_KIND[entity] && result.id !== survivorId)
      : [];
  const comparison =
    otherId === null ? null : await mergeComparison(context.db, entity, survivorId, otherId, user.language);
  if (otherId !== null && !comparison) throw new Response(null, { status: 404, statusText: "Not Found" });
  const fields = comparison
    ? differingFields(MERGE_FIELDS[entity], comparison.survivor.values, comparison.merged.values)
    : [];
  const defaults = comparison
    ? {
        survivorVersion: comparison.survivor.version,
        mergedVersion: comparison.merged.version,
        ...Object.fromEntries(
          Object.entries(defaultFieldChoices(fields, comparison.survivor.values, comparison.merged.values)).map(
            ([field, side]) => [keepField(field), side],
          ),
        ),
      }
    : {};
  return json({ entity, survivorId, name, text, found, comparison, fields, defaults });
}

export type MergePageAnswer = FormFailure;

export async function mergePageAction(request: Request, context: AppLoadContext, entity: MergedEntity, id: string) {
  const survivorId = recordIdParam(id);
  const user = await requirePermission(request, context, "register.edit", {
    record: regionsOfParty(entity, survivorId),
  });
  const otherParam = new URL(request.url).searchParams.get("met");
  // a merge needs the other record: without it there is nothing to merge with
  if (!otherParam || !/^\d{1,9}$/.test(otherParam)) throw new Response(null, { status: 404, statusText: "Not Found" });
  const mergedId = Number(otherParam);
  // the duplicate goes into the survivor: the user may change both, or neither changes
  await requirePermission(request, context, "register.edit", { record: regionsOfParty(entity, mergedId) });
  const formData = await request.formData();
  const parsed = parseForm(mergeSchema(entity), formData);
  if (!parsed.ok) return json<MergePageAnswer>(parsed, { status: 400 });
  const merge = entity === "people" ? mergePeople : mergeOrganisations;
  try {
    const { mergeId } = await merge(context.db, user, {
      survivorId,
      mergedId,
      survivorVersion: parsed.data.survivorVersion,
      mergedVersion: parsed.data.mergedVersion,
      fieldChoices: fieldChoicesFrom(entity, parsed.data),
    });
    return redirect(withNotice(`${RECORD_PATH[entity]}/${survivorId}`, "samengevoegd", { id: mergeId }));
  } catch (error) {
    if (error instanceof MergeChangedError)
      return changedAnswer(context, entity, survivorId, mergedId, formData, error);
    return refusalResponse(error, formData);
  }
}

/** 409: the page again, what was chosen kept, against the versions the two have now. */
async function changedAnswer(
  context: AppLoadContext,
  entity: MergedEntity,
  survivorId: number,
  mergedId: number,
  formData: FormData,
  error: MergeChangedError,
) {
  const now = await mergeComparison(context.db, entity, survivorId, mergedId);
  const failure: MergePageAnswer = {
    ok: false,
    values: {
      ...submittedValues(formData),
      survivorVersion: String(now?.survivor.version ?? ""),
      mergedVersion: String(now?.merged.version ?? ""),
      confirm: "",
    },
    errors: { [FORM_ERROR]: error.messageKey },
  };
  return json(failure, { status: 409 });
}

/** What the survivor's page shows of merges: the list of duplicates merged into it, and the notices. */
export async function mergeSectionData(
  request: Request,
  context: AppLoadContext,
  entity: MergedEntity,
  survivorId: number,
) {
  const search = new URL(request.url).searchParams;
  const notice = noticeFrom(search, ["samengevoegd", "samenvoegingOngedaan", "doorverwezen"]);
  const noticeId = Number(search.get("id"));
  const named =
    notice && notice !== "samenvoegingOngedaan" && Number.isSafeInteger(noticeId) && noticeId > 0 ? noticeId : null;
  const merges = await mergesInto(context.db, entity, survivorId);
  const redirectedFrom = notice === "doorverwezen" && named ? await recordName(context.db, entity, named) : null;
  const justMerged = notice === "samengevoegd" ? (merges.find((m) => m.id === named && !m.undone_at) ?? null) : null;
  return { merges, notice, redirectedFrom, justMerged };
}

/** The merged record's own pages lead to the survivor, saying so. */
export async function redirectIfMerged(context: AppLoadContext, entity: MergedEntity, id: number) {
  const survivor = await survivorOf(context.db, entity, id);
  if (survivor !== null) throw redirect(withNotice(`${RECORD_PATH[entity]}/${survivor}`, "doorverwezen", { id }));
}

/** The survivor page's undo of a merge (intent undoMerge): back to the survivor, or the refusal with its reason. */
export async function undoMergeAction(context: AppLoadContext, user: { id: number }, formData: FormData) {
  const parsed = parseForm(undoMergeSchema, formData);
  if (!parsed.ok) return json({ ...parsed, intent: UNDO_MERGE_INTENT }, { status: 400 });
  try {
    const undone = await undoMerge(context.db, user, parsed.data.merge);
    return redirect(withNotice(`${RECORD_PATH[undone.entity]}/${undone.survivorId}`, "samenvoegingOngedaan"));
  } catch (error) {
    return refusalResponse(error, formData, { intent: UNDO_MERGE_INTENT });
  }
}
