/**
 * Puts old anchor ids into built HTML: for each [old id, target id], an empty
 * `<span id="old" class="anchor-alias">` as the first child of the element whose id is the
 * target. Pure string work (the pages are our own output, ids are kebab-case), unit-tested.
 */

/** The HTML with the aliases inserted, and those whose target id is not in it. */
export function insertAliases(
	html: string,
	aliases: readonly (readonly [string, string])[],
): { text: string; missing: [string, string][] } {
	let text = html;
	const missing: [string, string][] = [];
	for (const [old, target] of aliases) {
		if (text.includes(` id="${old}"`)) continue; // already there (a second run over the same dist)
		const open = new RegExp(`<[a-zA-Z][\\w-]*(?=[^>]*\\sid="${target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}")[^>]*>`);
		const m = open.exec(text);
		if (!m) {
			missing.push([old, target]);
			continue;
		}
		const at = m.index + m[0].length;
		text = `${text.slice(0, at)}<span id="${old}" class="anchor-alias"></span>${text.slice(at)}`;
	}
	return { text, missing };
}
