import type { nl } from "../nl/index";
import type { Messages } from "../shape";
import { admin } from "./admin";
import { auth } from "./auth";
import { common } from "./common";
import { home } from "./home";
import { register } from "./register";

export const en: Messages<typeof nl> = { common, home, auth, admin, register };
