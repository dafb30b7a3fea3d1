import type { NumberedCitation } from '../../lib/explainer-citations';

/** What an explainer page passes to its MDX `<Content>`; components receive it as `ctx`. */
export interface ExplainerContext {
	/** Citations by number. */
	citations: Readonly<Record<number, NumberedCitation>>;
	/** The page's sections, for the "On this page" list. */
	sections: readonly { id: string; title: string }[];
}

export function citationFor(ctx: ExplainerContext | undefined, n: string | number, where: string): NumberedCitation {
	const citation = ctx?.citations?.[Number(n)];
	if (!citation)
		throw new Error(`${where}: citation ${n} was not resolved; render explainers with <Content citations={…} />`);
	return citation;
}

/** Props the remark plugin gives every citing element (`<Cite>`, `<Account>`, `<Correction>`). */
export interface CitingProps {
	/** The cited article's id, as the author wrote it. */
	article: string;
	/** The cited paragraph, e.g. `p3`. */
	p: string;
	/** Citation number on the page. */
	n: string;
	/** Which use of that number this is. */
	k: string;
	ctx: ExplainerContext;
}
