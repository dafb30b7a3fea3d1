/**
 * “Did you mean …”: the nearest word in the site's own vocabulary to a word that found nothing.
 * The vocabulary is built at build time from the indexed text (src/integrations/pagefind.ts) and
 * loaded by the browser only when a query comes back empty. Nothing here touches the DOM.
 */

/**
 * Edit distance with adjacent transpositions (“Zelenksy” is one edit from “Zelensky”), stopping
 * early once it exceeds `max`.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
	if (Math.abs(a.length - b.length) > max) return max + 1;
	let before: number[] = [];
	let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		let best = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
			current.push(d);
			best = Math.min(best, d);
		}
		if (best > max) return max + 1;
		before = previous;
		previous = current;
	}
	return previous[b.length]!;
}

/** How many edits a word of this length may be from a suggestion: one for short words, two from six letters. */
export const allowedEdits = (length: number): number => (length < 4 ? 0 : length < 6 ? 1 : 2);

/**
 * The vocabulary word nearest to `word`, or undefined when none is close enough. A word that is
 * still being typed counts too: “stoltenbu” is near the start of “stoltenberg”. Among equally near
 * words, the one sharing the first letter, then the commoner (earlier in the list), wins.
 * `vocabulary` is lower-case, commonest first.
 */
export function nearestWord(word: string, vocabulary: readonly string[]): string | undefined {
	const w = word.toLowerCase();
	const max = allowedEdits(w.length);
	if (!max) return undefined;
	let best: { word: string; score: number } | undefined;
	for (const candidate of vocabulary) {
		if (candidate === w) return undefined;
		const whole = editDistance(w, candidate, max);
		const start = candidate.length > w.length ? editDistance(w, candidate.slice(0, w.length), max) : whole;
		const distance = Math.min(whole, start);
		if (distance > max) continue;
		// Distance first; then a shared first letter (readers rarely get that wrong).
		const score = distance * 2 + (candidate[0] === w[0] ? 0 : 1);
		if (!best || score < best.score) best = { word: candidate, score };
	}
	return best?.word;
}

/**
 * The query with each word in `unknown` (words that found nothing on their own) replaced by its
 * nearest vocabulary word; undefined if any of them has none.
 */
export function correctQuery(
	query: string,
	unknown: ReadonlySet<string>,
	vocabulary: readonly string[],
): string | undefined {
	let changed = false;
	const out: string[] = [];
	for (const word of query.trim().split(/\s+/)) {
		const bare = word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
		if (!unknown.has(bare)) {
			out.push(word);
			continue;
		}
		const near = nearestWord(bare, vocabulary);
		if (!near) return undefined;
		out.push(near);
		changed = true;
	}
	return changed ? out.join(' ') : undefined;
}

export interface VocabularySource {
	/** Indexed text of a page or record. */
	text: string;
	/** Its title, whose words always count. */
	title?: string | undefined;
}

/** Words shorter than this are not worth suggesting (and rarely mistyped beyond recognition). */
const MIN_LENGTH = 4;

/**
 * The site's vocabulary for suggestions, commonest first and kept small: every word of a title
 * and every name-like word (capitalised in the text), plus `extra` (names and their spellings),
 * and other words only when they occur at least `minCount` times.
 */
export function buildVocabulary(
	sources: readonly VocabularySource[],
	extra: readonly string[] = [],
	minCount = 3,
): string[] {
	const counts = new Map<string, number>();
	const keep = new Set<string>(extra.map((w) => w.toLowerCase()).filter((w) => w.length >= MIN_LENGTH));
	const add = (word: string, important: boolean) => {
		const w = word.toLowerCase();
		if (w.length < MIN_LENGTH || /\d/.test(w)) return;
		counts.set(w, (counts.get(w) ?? 0) + 1);
		if (important) keep.add(w);
	};
	for (const { text, title } of sources) {
		for (const m of text.matchAll(/\p{L}+/gu)) add(m[0], /^\p{Lu}/u.test(m[0]));
		for (const m of (title ?? '').matchAll(/\p{L}+/gu)) add(m[0], true);
	}
	return [...new Set([...counts.keys(), ...keep])]
		.filter((w) => keep.has(w) || (counts.get(w) ?? 0) >= minCount)
		.sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || a.localeCompare(b));
}
