/** Finding where a person or organisation is named in source paragraphs. */

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A matcher for any of `names` as whole words (so "Putin" matches "Putin’s" but "UA" does not
 * match "UAE"). Longer names are tried first, so "Vladimir Putin" wins over "Putin".
 */
export function nameMatcher(names: readonly string[]): RegExp | null {
	const unique = [...new Set(names.filter((n) => n.trim().length > 1))].sort((a, b) => b.length - a.length);
	if (!unique.length) return null;
	return new RegExp(`(?<![\\p{L}\\p{N}])(?:${unique.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'u');
}

export interface Mention {
	article: string;
	p: string;
	text: string;
}

/** Paragraphs, in the order given, that name the person. */
export function findMentions(
	paragraphs: readonly { article: string; p: string; text: string }[],
	names: readonly string[],
): Mention[] {
	const matcher = nameMatcher(names);
	return matcher ? paragraphs.filter((para) => matcher.test(para.text)) : [];
}
