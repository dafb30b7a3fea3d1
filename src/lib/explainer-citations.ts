/** The numbered, resolved citations of one explainer: what its page and its passages.json show. */
import { isProblem, resolveCitation, type ParagraphIndex, type ResolvedCitation } from './citations';
import type { CitationUse } from './explainer-analysis';

export interface NumberedCitation extends ResolvedCitation {
	n: number;
	/** "10 January 2022", or "about 6 March 2022". */
	date: string;
}

/** One entry per citation number, in number order. `uses` come from the explainer's analysis. */
export function numberedCitations(
	uses: readonly CitationUse[],
	file: string,
	index: ParagraphIndex,
	dates: Readonly<Record<string, string>>,
): NumberedCitation[] {
	const citations = new Map<number, NumberedCitation>();
	for (const c of uses) {
		if (citations.has(c.n)) continue;
		// The content model has already stopped the build on any citation that does not resolve.
		const resolved = resolveCitation(index, c, { file, field: `<Cite article="${c.article}" p="${c.p}">` });
		if (isProblem(resolved)) throw new Error(`${resolved.file} → ${resolved.field}: ${resolved.message}`);
		citations.set(c.n, { ...resolved, n: c.n, date: dates[c.article] ?? '' });
	}
	return [...citations.values()].sort((a, b) => a.n - b.n);
}
