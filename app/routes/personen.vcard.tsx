import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "../auth/guard.server";
import { listScope } from "../auth/region.server";
import { translator } from "../i18n/index";
import { todayInAmsterdam } from "../i18n/format";
import { requestLanguage } from "../i18n/request.server";
import { organisationChoice } from "../models/named-choices.server";
import { peopleMatchingQuery } from "../models/people.server";
import { peopleForVCard } from "../models/vcards.server";
import { downloadVCard } from "../services/download.server";
import { chosenId, namedChoiceFrom } from "../services/named-choice";
import { peopleToVCard } from "../services/vcard.server";

/** The people list as filtered now (all pages) as one vCard 4.0 file, for an address book. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "register.export");
  const params = new URL(request.url).searchParams;
  const organisation = await organisationChoice(context.db, namedChoiceFrom(params, "organisatie"));
  if (organisation.state === "unknown" || organisation.state === "ambiguous") {
    throw new Response(null, { status: 404, statusText: "Not Found" });
  }
  const today = todayInAmsterdam();
  const filter = {
    q: params.get("q")?.trim() || undefined,
    organisationId: chosenId(organisation),
    researchConsent: params.get("onderzoek") === "1",
    includeArchived: params.get("archief") === "1",
    scope: await listScope(request, context),
  };
  const ids = peopleMatchingQuery(context.db, filter, today).select("people.id");
  const people = await peopleForVCard(context.db, ids, today);
  const t = translator(requestLanguage(request, user));
  return downloadVCard(t("register.people.title"), peopleToVCard(people));
}
