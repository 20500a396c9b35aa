import type { admin as nl } from "../nl/admin";
import type { Messages } from "../shape";

export const admin: Messages<typeof nl> = {
  title: "admin",
};
