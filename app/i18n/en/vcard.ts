import type { vcard as nl } from "../nl/vcard";
import type { Messages } from "../shape";

export const vcard: Messages<typeof nl> = {
  person: "vCard (address book)",
  list: "List as vCard",
};
