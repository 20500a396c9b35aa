import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "../auth/guard.server";
import { regionsOfPerson } from "../models/record-regions.server";
import { todayInAmsterdam } from "../i18n/format";
import { peopleForVCard } from "../models/vcards.server";
import { displayName } from "../services/names";
import { downloadVCard } from "../services/download.server";
import { recordIdParam } from "../services/record-id";
import { peopleToVCard } from "../services/vcard.server";

/** One person as a vCard 4.0 file, for an address book. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const personId = recordIdParam(params.personId);
  await requirePermission(request, context, "register.export", { record: regionsOfPerson(personId) });
  const people = await peopleForVCard(context.db, [personId], todayInAmsterdam());
  const person = people[0];
  if (!person) throw new Response(null, { status: 404, statusText: "Not Found" });
  return downloadVCard(displayName(person), peopleToVCard(people));
}
