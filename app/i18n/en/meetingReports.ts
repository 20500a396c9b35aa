import type { meetingReports as nl } from "../nl/meetingReports";
import type { Messages } from "../shape";

export const meetingReports: Messages<typeof nl> = {
  title: "Meeting figures",
};
