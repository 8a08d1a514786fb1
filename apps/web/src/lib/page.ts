/** A list answer of the API (API.md, Lists). */
export type Page<T> = { items: T[]; nextCursor: string | null };

/** For lists whose answer has no cursor (grids, teams, units). */
export type ItemList<T> = { items: T[]; nextCursor?: string | null };
