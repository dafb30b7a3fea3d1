/** Where each source paragraph is cited: built once from all explainers by the content model, read by article pages. */
import type { ExplainerAnalysis } from './explainer-analysis';
import { citationAnchor } from './ids';

export interface Backlink {
	/** Link to the citation marker in the explainer. */
	href: string;
	explainer: string;
	/** Section of the explainer the citation sits in (empty for the introduction). */
	section: string;
}

/** article id → paragraph id → backlinks, in explainer order. */
export type BacklinkIndex = Map<string, Map<string, Backlink[]>>;

/** `explainers` in reading order, each with its analysis (no parsing here). */
export function buildBacklinks(
	explainers: readonly { id: string; title: string; analysis: Pick<ExplainerAnalysis, 'sections' | 'citations'> }[],
): BacklinkIndex {
	const index: BacklinkIndex = new Map();
	for (const e of explainers) {
		const sections = new Map(e.analysis.sections.map((s) => [s.id, s.title]));
		for (const c of e.analysis.citations) {
			const byParagraph = index.get(c.article) ?? new Map<string, Backlink[]>();
			index.set(c.article, byParagraph);
			const list = byParagraph.get(c.p) ?? [];
			byParagraph.set(c.p, list);
			list.push({
				href: `/explainers/${e.id}/#${citationAnchor(c.n, c.k)}`,
				explainer: e.title,
				section: sections.get(c.sectionId) ?? '',
			});
		}
	}
	return index;
}
