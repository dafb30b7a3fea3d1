/** Reading order of the explainers: `order` 1 first. The one comparator every list of explainers uses. */
export const byOrder = <T extends { data: { order: number } }>(a: T, b: T): number => a.data.order - b.data.order;
