export const meetingReports = {
  title: "Vergadercijfers",
};
