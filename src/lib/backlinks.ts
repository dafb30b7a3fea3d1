/** Where each source paragraph is cited: built once from all explainers, read by article pages. */
import { analyseExplainer } from './explainer-analysis';

export interface Backlink {
	/** Link to the citation marker in the explainer. */
	href: string;
	explainer: string;
	/** Section of the explainer the citation sits in (empty for the introduction). */
	section: string;
}

/** article id → paragraph id → backlinks, in explainer order. */
export type BacklinkIndex = Map<string, Map<string, Backlink[]>>;

export function buildBacklinks(explainers: readonly { id: string; title: string; body: string }[]): BacklinkIndex {
	const index: BacklinkIndex = new Map();
	for (const e of explainers) {
		const analysis = analyseExplainer(e.body);
		const sections = new Map(analysis.sections.map((s) => [s.id, s.title]));
		for (const c of analysis.citations) {
			const byParagraph = index.get(c.article) ?? new Map<string, Backlink[]>();
			index.set(c.article, byParagraph);
			const list = byParagraph.get(c.p) ?? [];
			byParagraph.set(c.p, list);
			list.push({
				href: `/explainers/${e.id}/#cite-${c.n}-${c.k}`,
				explainer: e.title,
				section: sections.get(c.sectionId) ?? '',
			});
		}
	}
	return index;
}
