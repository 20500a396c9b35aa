export const lookup = {} as const;
