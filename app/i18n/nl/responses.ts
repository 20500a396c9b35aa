export const responses = {
  title: "Respons",
} as const;
