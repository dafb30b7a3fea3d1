/** Words a minute for news prose read attentively; a common, conservative figure. */
const WORDS_PER_MINUTE = 220;

export function countWords(text: string): number {
	return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Reading time in whole minutes, at least 1. */
export function readingMinutes(text: string): number {
	return Math.max(1, Math.round(countWords(text) / WORDS_PER_MINUTE));
}
