import type { mailings as nl } from "../nl/mailings";
import type { Messages } from "../shape";

export const mailings: Messages<typeof nl> = {
  title: "Mailings",
};
