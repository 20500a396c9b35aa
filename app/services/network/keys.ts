/** A node's key in every network and file: kind letter and record id, so ids of two kinds never collide. */
export const organisationKey = (id: number) => `o${id}`;
export const personKey = (id: number) => `p${id}`;
export const bodyKey = (id: number) => `b${id}`;
