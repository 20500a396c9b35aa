export const panel = {
  title: "Panel",
};
