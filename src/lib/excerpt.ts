/** The first `max` characters of a passage, cut at a word boundary, with an ellipsis if cut. */
export function excerpt(text: string, max = 220): string {
	if (text.length <= max) return text;
	const cut = text.slice(0, max);
	return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max * 0.6)).replace(/[\s,;:–—-]+$/, '')}…`;
}
