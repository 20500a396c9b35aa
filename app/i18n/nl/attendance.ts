export const attendance = {
  title: "Presentielijst",
};
