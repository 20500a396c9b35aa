import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "../auth/guard.server";
import { todayInAmsterdam } from "../i18n/format";
import { peopleForVCard } from "../models/vcards.server";
import { displayName } from "../services/names";
import { downloadVCard } from "../services/download.server";
import { recordIdParam } from "../services/record-id";
import { peopleToVCard } from "../services/vcard.server";

/** One person as a vCard 4.0 file, for an address book. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requirePermission(request, context, "register.export");
  const people = await peopleForVCard(context.db, [recordIdParam(params.personId)], todayInAmsterdam());
  const person = people[0];
  if (!person) throw new Response(null, { status: 404, statusText: "Not Found" });
  return downloadVCard(displayName(person), peopleToVCard(people));
}
