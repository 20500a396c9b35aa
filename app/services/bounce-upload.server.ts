import { json, type TypedResponse } from "@remix-run/node";
import type { DB } from "../../db/index";
import type { Language } from "../../db/schema";
import type { Actor } from "../models/audit.server";
import { type BounceResult, markAddressesBounced } from "../models/bounces.server";
import { BOUNCE_LIST_MAX_BYTES, bounceFormSchema, extractAddresses } from "./bounce-addresses";
import { type FormFailure, formFailure, messageKey, parseForm } from "./form-data";
import { refusalResponse } from "./refusal.server";
import { megabytesText } from "./upload-limits";

/** What the "Onbestelbaar" form of a mailing page answers: what it did, or why it did nothing. */
export type BounceAnswer =
  | {
      intent: "bounces";
      kind: "done";
      result: BounceResult;
      /** Kring's own and mail servers' addresses the text named, left alone */
      ignored: string[];
      /** when: a new answer starts the form afresh */
      at: string;
    }
  | ({ intent: "bounces"; kind: "refused" } & FormFailure);

/**
 * A list of bounced addresses posted on a mailing page (pasted, in a file, or both; multipart):
 * what looks like an address is flagged in the register, with the reason given. `own` are the
 * addresses Kring sends from, which a pasted bounce report names too and which are never flagged.
 */
export async function answerBouncePost(
  db: DB,
  actor: Actor,
  formData: FormData,
  { own, language }: { own: readonly string[]; language: Language },
): Promise<TypedResponse<BounceAnswer>> {
  const refused = { intent: "bounces" as const, kind: "refused" as const };
  const parsed = parseForm(bounceFormSchema, formData);
  if (!parsed.ok) return json({ ...parsed, ...refused }, { status: 400 });
  const file = formData.get("file");
  const chosen = file instanceof File && (file.name !== "" || file.size > 0) ? file : null;
  if (chosen && chosen.size > BOUNCE_LIST_MAX_BYTES) {
    const limit = megabytesText(BOUNCE_LIST_MAX_BYTES, language);
    return json(
      { ...formFailure(formData, { file: messageKey("mailings.errors.bounceFileTooLarge", { limit }) }), ...refused },
      { status: 413 },
    );
  }
  const text = `${parsed.data.addresses}\n${chosen ? await chosen.text() : ""}`;
  const { addresses, ignored } = extractAddresses(text, own);
  if (addresses.length === 0)
    return json(
      {
        ...formFailure(formData, { [chosen ? "file" : "addresses"]: "mailings.errors.noAddressesFound" }),
        ...refused,
      },
      { status: 400 },
    );
  try {
    const result = await markAddressesBounced(db, actor, addresses, parsed.data.reason);
    return json({ intent: "bounces", kind: "done", result, ignored, at: new Date().toISOString() });
  } catch (error) {
    return refusalResponse(error, formData, refused);
  }
}
