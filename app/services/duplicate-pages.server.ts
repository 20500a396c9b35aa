import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { z } from "zod";
import { requirePermission } from "../auth/guard.server";
import { listScope } from "../auth/region.server";
import { can } from "../auth/permissions";
import {
  type DuplicateKind,
  getDismissal,
  likelyDuplicateOrganisationPairs,
  likelyDuplicatePeoplePairs,
  markNotTheSame,
  undoNotTheSame,
} from "../models/duplicates.server";
import type { DuplicateRecords } from "../components/duplicates/duplicate-pairs";
import { parseForm, positiveInt } from "./form-data";
import { pageFrom, positiveIntFrom } from "./list-params";
import { listName } from "./names";
import { type Notice, noticeFrom, withNotice } from "./notices";
import { refusalResponse } from "./refusal.server";

/**
 * The two duplicate-pairs pages (/personen/dubbelen, /organisaties/dubbelen) differ only in which
 * records they pair: their loader and action are these, given the kind.
 */

const KIND_OF: Record<DuplicateRecords, DuplicateKind> = { personen: "person", organisaties: "organisation" };

export const DUPLICATE_NOTICES = ["nietDezelfde", "ongedaan"] as const satisfies readonly Notice[];

const SCHEMAS = {
  notSame: z.object({ intent: z.literal("notSame"), first: positiveInt(), second: positiveInt() }),
  undo: z.object({ intent: z.literal("undo"), id: positiveInt() }),
} as const;
type Intent = keyof typeof SCHEMAS;
const isIntent = (value: unknown): value is Intent => typeof value === "string" && Object.hasOwn(SCHEMAS, value);

async function namesOf(context: LoaderFunctionArgs["context"], records: DuplicateRecords, ids: number[]) {
  if (records === "personen") {
    const people = await context.db
      .selectFrom("people")
      .select(["id", "first_name", "infix", "last_name", "initials"])
      .where("id", "in", ids)
      .execute();
    return ids.map((id) => {
      const person = people.find((row) => row.id === id);
      return person ? listName(person) : "";
    });
  }
  const organisations = await context.db
    .selectFrom("organisations")
    .select(["id", "name"])
    .where("id", "in", ids)
    .execute();
  return ids.map((id) => organisations.find((row) => row.id === id)?.name ?? "");
}

export async function duplicatePairsLoader({ request, context }: LoaderFunctionArgs, records: DuplicateRecords) {
  const me = await requirePermission(request, context, "register.read");
  const search = new URL(request.url).searchParams;
  const page = pageFrom(search);
  const scope = await listScope(request, context);
  const result =
    records === "personen"
      ? await likelyDuplicatePeoplePairs(context.db, page, scope)
      : await likelyDuplicateOrganisationPairs(context.db, page, scope);
  const notice = noticeFrom(search, DUPLICATE_NOTICES);
  const noticeId = notice === "nietDezelfde" ? positiveIntFrom(search, "id") : undefined;
  // the undo is offered only while the mark is still there
  const mark = noticeId ? await getDismissal(context.db, noticeId) : null;
  const markNames = mark ? await namesOf(context, records, [mark.first_id, mark.second_id]) : null;
  return json({
    ...result,
    canEdit: can(me, "register.edit"),
    notice:
      notice === "ongedaan"
        ? ({ kind: "ongedaan" } as const)
        : mark && markNames
          ? ({ kind: "nietDezelfde", id: mark.id, first: markNames[0]!, second: markNames[1]! } as const)
          : null,
  });
}

export async function duplicatePairsAction({ request, context }: ActionFunctionArgs, records: DuplicateRecords) {
  const me = await requirePermission(request, context, "register.edit");
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (!isIntent(intent)) return new Response(null, { status: 400 });
  const parsed = parseForm(SCHEMAS[intent], formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  const path = `/${records}/dubbelen`;
  try {
    if (parsed.data.intent === "notSame") {
      const { first, second } = parsed.data;
      const id = await markNotTheSame(context.db, me, KIND_OF[records], first, second);
      return redirect(withNotice(path, "nietDezelfde", { id }));
    }
    await undoNotTheSame(context.db, me, parsed.data.id, KIND_OF[records]);
    return redirect(withNotice(path, "ongedaan"));
  } catch (error) {
    return refusalResponse(error, formData);
  }
}
