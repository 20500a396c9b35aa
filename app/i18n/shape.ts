/** The shape of a Dutch message file with every string widened: the English file must match it key for key. */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
