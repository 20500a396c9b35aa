import type { attendance as nl } from "../nl/attendance";
import type { Messages } from "../shape";

export const attendance: Messages<typeof nl> = {
  title: "Attendance register",
};
