import { common } from "./common";
import { home } from "./home";

export const nl = { common, home } as const;
