import type { savedSearches as nl } from "../nl/savedSearches";
import type { Messages } from "../shape";

export const savedSearches: Messages<typeof nl> = {
  title: "Saved searches",
};
