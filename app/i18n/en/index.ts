import type { nl } from "../nl/index";
import type { Messages } from "../shape";
import { common } from "./common";
import { home } from "./home";

export const en: Messages<typeof nl> = { common, home };
