import type { DB } from "../../db/index";
import type { User, UserRole } from "../../db/schema";

/** The first user whose network-wide role is this one (the demo has one account per role). */
export function userWithNetworkRole(db: DB, role: UserRole): Promise<User> {
  return db
    .selectFrom("users")
    .innerJoin("user_roles", "user_roles.user_id", "users.id")
    .selectAll("users")
    .where("user_roles.region_id", "is", null)
    .where("user_roles.role", "=", role)
    .orderBy("users.id")
    .executeTakeFirstOrThrow();
}
