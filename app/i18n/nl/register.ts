export const register = {
  title: "register",
} as const;
