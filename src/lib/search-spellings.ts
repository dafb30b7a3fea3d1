/**
 * Other spellings of the names and places in the sources, so that a reader who types “Zelensky”,
 * “Zelenskiy”, “Kiev” or the sources' own misspelling “Kulba” finds the pages that say
 * “Zelenskyy”, “Kyiv” or “Kuleba”, and the other way round.
 *
 * They are expanded at query time: a word with other spellings is also searched in each of them
 * (queryAlternatives), and results keep the best score any spelling gave them, so every page is
 * ranked by how much it has to say about the name, whichever way it spells it. The groups come
 * from the people glossary (an alias that differs from the name word by word, such as “Dmitry
 * Kulba” for Dmytro Kuleba) and from the short list below, and reach the browser inside the
 * search code (`virtual:site/search-spellings`, src/integrations/pagefind.ts). Nothing here
 * touches Astro or the DOM.
 */

/**
 * Transliterations readers commonly type, for names and places that occur in the sources. Each
 * group is one word written several ways; the first is the spelling the site uses. Add a group
 * only for a word the sources or the glossary contain (a unit test checks).
 */
export const VARIANTS: readonly (readonly string[])[] = [
	['Zelenskyy', 'Zelensky', 'Zelenskiy', 'Zelenskyi', 'Zelenskii'],
	['Volodymyr', 'Volodimir', 'Volodymir'],
	['Kyiv', 'Kiev'],
	['Donbas', 'Donbass'],
	['Dmytro', 'Dmitry', 'Dmitri', 'Dmitriy'],
	['Sergei', 'Sergey'],
	['Alexander', 'Aleksandr', 'Alexandr'],
	['Ryabkov', 'Riabkov'],
	['Arakhamia', 'Arakhamiya'],
	['Stefanishyna', 'Stefanyshyna'],
	['Olha', 'Olga'],
];

/** Words as search sees them: runs of letters and digits, lower-cased. */
export const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

export interface NamedEntry {
	name: string;
	aliases: readonly string[];
	kind: 'person' | 'organisation';
}

/**
 * Spelling groups: the fixed list, plus, for each person, the words of an alias that differ from
 * the name's word in the same place (“Dmitry Kulba” beside “Dmytro Kuleba” gives dmytro/dmitry
 * and kuleba/kulba). Groups that share a word are merged. Lower-case, first spelling first.
 */
export function spellingGroups(
	people: readonly NamedEntry[],
	variants: readonly (readonly string[])[] = VARIANTS,
): string[][] {
	const pairs: string[][] = variants.map((g) => g.map((w) => w.toLowerCase()));
	for (const person of people) {
		if (person.kind !== 'person') continue;
		const name = words(person.name);
		for (const alias of person.aliases) {
			const other = words(alias);
			// “Stoltenberg” for “Jens Stoltenberg” is the same word, not a variant: only aligned names.
			if (other.length !== name.length) continue;
			other.forEach((word, i) => {
				if (word !== name[i] && word.length > 2) pairs.push([name[i]!, word]);
			});
		}
	}
	// Merge groups that share a word, keeping the order in which words first appear.
	const groups: string[][] = [];
	for (const pair of pairs) {
		const touching = groups.filter((g) => pair.some((w) => g.includes(w)));
		const merged = [...new Set([...touching.flat(), ...pair])];
		for (const g of touching) groups.splice(groups.indexOf(g), 1);
		groups.push(merged);
	}
	return groups.filter((g) => g.length > 1);
}

/**
 * The queries to run for what a reader typed: the words as typed, then with other spellings of
 * any word that has them (“zelensky” also as “zelenskyy”, “kiev” also as “kyiv”), fewest changes
 * first, at most `max`. Each is a list of words. A quoted phrase is searched only as typed.
 */
export function queryAlternatives(
	typed: readonly string[],
	groups: readonly (readonly string[])[],
	max = 6,
): string[][] {
	const options = typed.map((word) => {
		const group = groups.find((g) => g.includes(word));
		// The typed word, then the group's spellings in order (the site's own first). Moving to the
		// site's spelling costs least; moving away from it, when that is what was typed, more.
		const others = group ? group.filter((w) => w !== word) : [];
		const away = group?.[0] === word ? 1 : 0;
		return [{ w: word, cost: 0 }, ...others.map((w, i) => ({ w, cost: i + 1 + away }))];
	});
	let combos: { words: string[]; cost: number }[] = [{ words: [], cost: 0 }];
	for (const choices of options) {
		combos = combos.flatMap((c) => choices.map(({ w, cost }) => ({ words: [...c.words, w], cost: c.cost + cost })));
		// Keep the search count bounded however many words have variants.
		combos.sort((a, b) => a.cost - b.cost);
		combos = combos.slice(0, max);
	}
	return combos.map((c) => c.words);
}
