export const waves = {
  title: "Metingen",
};
