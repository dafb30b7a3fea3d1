/**
 * What an explainer's MDX body contains, by one parse: its sections, its paragraph ids, every
 * citation (`<Cite>` and `<Account>`) with the number it gets on the page, every `<Person>`, and
 * any factual block that carries no citation. The loader checks use it, the remark plugin numbers
 * markers with the same rules, and pages and backlinks are built from it.
 */
import GithubSlugger from 'github-slugger';
import type { Heading, Parent, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { CitationRef } from './citations';

type Jsx = MdxJsxFlowElement | MdxJsxTextElement;

/** Elements whose `article` and `p` attributes cite a source paragraph (a correction cites what it corrects). */
export const CITING_ELEMENTS = new Set(['Cite', 'Account', 'Correction']);
/** Blocks inside these need no citation of their own: they carry a named reference instead. */
export const REFERENCED_ELEMENTS = new Set(['ContextNote']);

export interface CitationUse extends CitationRef {
	/** Number shown on the page: the order in which the cited paragraph first appears. */
	n: number;
	/** Which use of that number this is (1 for the first), for unique marker ids. */
	k: number;
	/** Id of the explainer paragraph or block it sits in. */
	blockId: string;
	/** Id of the section (h2) it sits in. */
	sectionId: string;
	line: number;
}

export interface ExplainerAnalysis {
	sections: { id: string; title: string }[];
	/** Paragraph ids in order: `<section>-<n>`, or `intro-<n>` before the first section. */
	paragraphIds: string[];
	citations: CitationUse[];
	people: { id: string; blockId: string; sectionId: string; line: number }[];
	/** Paragraphs and list items with no citation and not inside a referenced note. */
	uncited: { text: string; line: number }[];
}

export const citationKey = (ref: CitationRef): string => `${ref.article}#${ref.p}`;

export const isJsx = (node: { type: string }): node is Jsx =>
	node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';

export function attr(node: Jsx, name: string): string | undefined {
	for (const a of node.attributes) {
		if (a.type === 'mdxJsxAttribute' && a.name === name && typeof a.value === 'string') return a.value;
	}
	return undefined;
}

function visitJsx(node: RootContent | Root, fn: (el: Jsx) => void): void {
	if (isJsx(node)) fn(node);
	if ('children' in node) for (const child of (node as Parent).children) visitJsx(child, fn);
}

const hasCitation = (node: RootContent): boolean => {
	let found = false;
	visitJsx(node, (el) => {
		if (el.name && CITING_ELEMENTS.has(el.name)) found = true;
	});
	return found;
};

/**
 * Walks the tree in document order and calls `onBlock` for every paragraph-level block with the
 * id it gets, and `onHeading` for every h2/h3 with its id. Both the analysis and the remark
 * plugin use this walk, so ids and numbers cannot drift apart.
 */
/**
 * A heading's id: github-slugger's, made kebab-case. The slugger drops punctuation but keeps the
 * spaces around it as hyphens ("NATO & Russia" → "nato--russia"), which AnchorHeading rejects;
 * those runs become one hyphen. Ids without such runs, every id so far, are unchanged.
 */
function headingIds() {
	const slugger = new GithubSlugger();
	const seen = new Set<string>();
	return (text: string): string => {
		const base = slugger.slug(text).replace(/-{2,}/g, '-').replace(/^-|-$/g, '') || 'section';
		let id = base;
		for (let n = 1; seen.has(id); n++) id = `${base}-${n}`;
		seen.add(id);
		return id;
	};
}

export function walkExplainer(
	tree: Root,
	visit: {
		onHeading?: (node: Heading, id: string) => void;
		onBlock?: (node: RootContent, id: string, sectionId: string) => void;
		onCitation?: (el: Jsx, use: Omit<CitationUse, 'line'>) => void;
		onPerson?: (el: Jsx, blockId: string, sectionId: string) => void;
		onUncited?: (node: RootContent) => void;
	},
): void {
	const headingId = headingIds();
	const numbers = new Map<string, number>();
	const uses = new Map<string, number>();
	let sectionId = 'intro';
	let count = 0;

	const block = (node: RootContent, inReferenced: boolean) => {
		const id = `${sectionId}-${++count}`;
		visit.onBlock?.(node, id, sectionId);
		visitJsx(node, (el) => {
			if (!el.name) return;
			if (CITING_ELEMENTS.has(el.name)) {
				const ref = { article: attr(el, 'article') ?? '', p: attr(el, 'p') ?? '' };
				const key = citationKey(ref);
				const n = numbers.get(key) ?? numbers.size + 1;
				numbers.set(key, n);
				const k = (uses.get(key) ?? 0) + 1;
				uses.set(key, k);
				visit.onCitation?.(el, { ...ref, n, k, blockId: id, sectionId });
			} else if (el.name === 'Person') {
				visit.onPerson?.(el, id, sectionId);
			}
		});
		if (!inReferenced && !hasCitation(node)) visit.onUncited?.(node);
	};

	const walk = (nodes: RootContent[], inReferenced: boolean) => {
		for (const node of nodes) {
			if (node.type === 'heading' && node.depth <= 3) {
				const id = headingId(toString(node));
				if (node.depth === 2) {
					sectionId = id;
					count = 0;
				}
				visit.onHeading?.(node, id);
			} else if (node.type === 'paragraph') {
				block(node, inReferenced);
			} else if (node.type === 'list') {
				for (const item of node.children) block(item, inReferenced);
			} else if (isJsx(node) && node.name && CITING_ELEMENTS.has(node.name)) {
				block(node, inReferenced); // an <Account> is one cited block
			} else if (isJsx(node)) {
				const referenced = inReferenced || (node.name !== null && REFERENCED_ELEMENTS.has(node.name));
				walk(node.children, referenced);
			} else if (node.type === 'blockquote') {
				walk(node.children, inReferenced);
			}
		}
	};
	walk(tree.children, false);
}

const parser = unified().use(remarkParse).use(remarkMdx);

export function analyseExplainer(body: string): ExplainerAnalysis {
	const tree = parser.parse(body);
	const result: ExplainerAnalysis = { sections: [], paragraphIds: [], citations: [], people: [], uncited: [] };
	const line = (node: { position?: { start: { line: number } } | undefined }) => node.position?.start.line ?? 0;
	walkExplainer(tree, {
		onHeading: (node, id) => {
			if (node.depth === 2) result.sections.push({ id, title: toString(node) });
		},
		onBlock: (node, id) => {
			if (node.type === 'paragraph') result.paragraphIds.push(id);
		},
		onCitation: (el, use) => result.citations.push({ ...use, line: line(el) }),
		onPerson: (el, blockId, sectionId) =>
			result.people.push({ id: attr(el, 'id') ?? '', blockId, sectionId, line: line(el) }),
		onUncited: (node) => result.uncited.push({ text: toString(node).slice(0, 80), line: line(node) }),
	});
	return result;
}
