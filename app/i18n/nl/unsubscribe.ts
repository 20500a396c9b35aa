export const unsubscribe = {
  title: "Afmelden",
} as const;
