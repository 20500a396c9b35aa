import { admin } from "./admin";
import { auth } from "./auth";
import { common } from "./common";
import { home } from "./home";
import { register } from "./register";

export const nl = { common, home, auth, admin, register } as const;
