export const calendar = {
  title: "Agenda-abonnementen",
};
