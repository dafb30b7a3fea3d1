/** Where each source paragraph is cited: built once from all explainers, read by article pages. */
import { analyseExplainer } from './explainer-analysis';

export interface Backlink {
	/** Link to the citation marker in the explainer. */
	href: string;
	explainer: string;
	/** The explainer's short title, for "Cited in" lines ("Russia’s demands"). */
	short: string;
	/** Section of the explainer the citation sits in (empty for the introduction). */
	section: string;
}

/** article id → paragraph id → backlinks, in explainer order. */
export type BacklinkIndex = Map<string, Map<string, Backlink[]>>;

export function buildBacklinks(
	explainers: readonly { id: string; title: string; shortTitle?: string | undefined; body: string }[],
): BacklinkIndex {
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
				short: e.shortTitle ?? e.title,
				section: sections.get(c.sectionId) ?? '',
			});
		}
	}
	return index;
}

/** What a section with no heading (the opening of an explainer) is called in "Cited in" lines. */
export const OPENING_SECTION = 'Introduction';

export interface CitedGroup {
	explainer: string;
	short: string;
	/** Each section once, linking to the first citation in it, in the order first cited. */
	sections: { title: string; href: string }[];
}

/**
 * A paragraph's backlinks as a reader wants them: one entry per explainer, each section of it
 * once ("Russia’s demands › What Moscow asked for, The answers, day by day"), however many times
 * the paragraph is cited there.
 */
export function groupBacklinks(links: readonly Backlink[]): CitedGroup[] {
	const groups = new Map<string, CitedGroup>();
	for (const link of links) {
		const group = groups.get(link.explainer) ?? { explainer: link.explainer, short: link.short, sections: [] };
		groups.set(link.explainer, group);
		const title = link.section || OPENING_SECTION;
		if (!group.sections.some((s) => s.title === title)) group.sections.push({ title, href: link.href });
	}
	return [...groups.values()];
}

/** How many links a grouped "Cited in" line holds. */
export const citedLinkCount = (groups: readonly CitedGroup[]): number =>
	groups.reduce((n, g) => n + g.sections.length, 0);
