import type { register as nl } from "../nl/register";
import type { Messages } from "../shape";

export const register: Messages<typeof nl> = {
  title: "register",
};
