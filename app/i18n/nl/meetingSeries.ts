export const meetingSeries = {
  title: "Reeks plannen",
};
