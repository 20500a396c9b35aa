import type { auth as nl } from "../nl/auth";
import type { Messages } from "../shape";

export const auth: Messages<typeof nl> = {
  title: "auth",
};
