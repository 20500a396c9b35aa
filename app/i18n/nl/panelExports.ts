export const panelExports = {
  title: "Exports van het panel",
};
