/** The numbered, resolved citations of one explainer: what its page and its passages.json show. */
import { isProblem, resolveCitation, type ParagraphIndex, type ResolvedCitation } from './citations';
import { analyseExplainer } from './explainer-analysis';

export interface NumberedCitation extends ResolvedCitation {
	n: number;
	/** "10 January 2022", or "about 6 March 2022". */
	date: string;
}

export function numberedCitations(
	body: string,
	file: string,
	index: ParagraphIndex,
	dates: Readonly<Record<string, string>>,
): Record<number, NumberedCitation> {
	const citations: Record<number, NumberedCitation> = {};
	for (const c of analyseExplainer(body).citations) {
		if (citations[c.n]) continue;
		// The explainers loader has already stopped the build on any citation that does not resolve.
		const resolved = resolveCitation(index, c, { file, field: `<Cite article="${c.article}" p="${c.p}">` });
		if (isProblem(resolved)) throw new Error(`${resolved.file} → ${resolved.field}: ${resolved.message}`);
		citations[c.n] = { ...resolved, n: c.n, date: dates[c.article] ?? '' };
	}
	return citations;
}
