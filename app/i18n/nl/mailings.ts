export const mailings = {
  title: "Mailings",
} as const;
