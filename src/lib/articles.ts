/** Oldest first; ties (two articles of 10 January) broken by id so the order is stable. */
export function byDate<T extends { id: string; data: { published: Date } }>(a: T, b: T): number {
	return a.data.published.getTime() - b.data.published.getTime() || a.id.localeCompare(b.id);
}
