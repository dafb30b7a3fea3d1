/**
 * What an explainer's MDX body contains, from its one parse: its sections, its paragraphs (ids and
 * text), every citation (`<Cite>`, `<Account>`, `<Correction>`) with the number it gets on the
 * page, every `<Person>`, every component with its props and where it stands, and any factual
 * block that carries no citation. The content model checks and stores it, the remark plugin
 * numbers markers with the same walk, and pages and backlinks are built from it.
 */
import GithubSlugger from 'github-slugger';
import type { Heading, Parent, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import { stableBlockIds, type LedgerEntry } from './anchor-ledger';
import { citationKey, type CitationRef } from './citations';
import { parseMdx } from './mdx';

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

/** A prop as written: text, `{expression}` (with its value when it is a plain literal), or a bare name (true). */
export type PropValue =
	| { kind: 'text'; value: string }
	| { kind: 'expression'; source: string; value?: unknown; literal: boolean }
	| { kind: 'flag' };

/** One component (or HTML element) in the body, with what the checks need to know of its place. */
export interface ElementUse {
	/** `Cite`, `Person`, … (`null` for a fragment `<>`). */
	name: string | null;
	line: number;
	/** True on lines of its own (a block); false inside a paragraph, heading, link or list item text. */
	block: boolean;
	props: { name: string; value: PropValue }[];
	/** Spread props (`{...x}`) cannot be checked. */
	spread: boolean;
	/** What it sits in, innermost last: mdast node types (`heading`, `link`, `paragraph`, `listItem`) and component names. */
	ancestors: string[];
	/** Components directly inside it, by name. */
	children: string[];
	/** Whether it has any content besides white space. */
	hasContent: boolean;
	/** Whether a Markdown list is directly inside it. */
	hasList: boolean;
}

export interface ExplainerAnalysis {
	sections: { id: string; title: string }[];
	/** Every heading, with its id and depth. */
	headings: { id: string; depth: number; text: string; line: number }[];
	/** Paragraph ids in order: `<section>-<n>` (`intro-<n>` before the first section), or older ids the anchor ledger keeps. */
	paragraphIds: string[];
	/** Those paragraphs with their plain text, for search, previews and the anchor ledger. */
	paragraphs: { id: string; sectionId: string; text: string; n: number }[];
	/** Every block with an id (paragraphs, list items, accounts), with its plain text: the anchors the page publishes. */
	blocks: { id: string; sectionId: string; text: string }[];
	citations: (CitationUse & { element: string })[];
	people: { id: string; blockId: string; sectionId: string; line: number }[];
	/** Paragraphs and list items with no citation and not inside a referenced note. */
	uncited: { text: string; line: number }[];
	/** Every JSX element, in document order. */
	elements: ElementUse[];
	/** `import`/`export` statements. */
	esm: { source: string; line: number }[];
	/** `{…}` expressions in text. */
	expressions: { source: string; line: number }[];
}

export { citationKey };

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

export interface ExplainerVisitor {
	onHeading?: (node: Heading, id: string) => void;
	/** `n` is the block's place in its section (1 for the first), whatever its id. */
	onBlock?: (node: RootContent, id: string, sectionId: string, n: number) => void;
	onCitation?: (el: Jsx, use: Omit<CitationUse, 'line'>) => void;
	onPerson?: (el: Jsx, blockId: string, sectionId: string) => void;
	onUncited?: (node: RootContent) => void;
}

/**
 * Walks the tree in document order and calls `onBlock` for every paragraph-level block with the
 * id it gets, and `onHeading` for every h2/h3 with its id. Both the analysis and the remark
 * plugin use this walk, so ids and numbers cannot drift apart.
 *
 * A block's id is `<section>-<n>` by position, unless `recorded` (the page's entries in the anchor
 * ledger) says otherwise: a block whose text was published under an id keeps that id wherever it
 * now stands, so inserting a paragraph never moves a link (`stableBlockIds`).
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
	visit: ExplainerVisitor,
	recorded?: Readonly<Record<string, LedgerEntry>>,
): void {
	let ids: string[] | undefined;
	if (recorded && Object.keys(recorded).length) {
		const blocks: { positional: string; section: string; text: string }[] = [];
		walkPositional(tree, {
			onBlock: (node, positional, section) => blocks.push({ positional, section, text: toString(node) }),
		});
		ids = stableBlockIds(blocks, recorded);
	}
	walkPositional(tree, visit, ids);
}

function walkPositional(tree: Root, visit: ExplainerVisitor, ids?: readonly string[]): void {
	const headingId = headingIds();
	const numbers = new Map<string, number>();
	const uses = new Map<string, number>();
	let sectionId = 'intro';
	let count = 0;
	let index = 0;

	const block = (node: RootContent, inReferenced: boolean) => {
		const n = ++count;
		const id = ids?.[index++] ?? `${sectionId}-${n}`;
		visit.onBlock?.(node, id, sectionId, n);
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

const lineOf = (node: { position?: { start: { line: number } } | undefined }) => node.position?.start.line ?? 0;

/**
 * The value of a literal expression (`{2}`, `{['a', 'b']}`, `{{ from: '2022-01-01' }}`), from
 * the estree that remark-mdx attaches; `undefined` with `literal: false` for anything else.
 */
function literalValue(node: unknown): { literal: boolean; value?: unknown } {
	const n = node as { type?: string; [key: string]: unknown } | null | undefined;
	const no = { literal: false };
	if (!n?.type) return no;
	switch (n.type) {
		case 'Program': {
			const body = n.body as { type: string; expression?: unknown }[];
			return body.length === 1 && body[0]?.type === 'ExpressionStatement' ? literalValue(body[0].expression) : no;
		}
		case 'Literal':
			return { literal: true, value: n.value };
		case 'TemplateLiteral': {
			const quasis = n.quasis as { value: { cooked: string } }[];
			return (n.expressions as unknown[]).length ? no : { literal: true, value: quasis[0]?.value.cooked ?? '' };
		}
		case 'UnaryExpression': {
			const inner = literalValue(n.argument);
			return n.operator === '-' && typeof inner.value === 'number' ? { literal: true, value: -inner.value } : no;
		}
		case 'ArrayExpression': {
			const items = (n.elements as unknown[]).map(literalValue);
			return items.every((i) => i.literal) ? { literal: true, value: items.map((i) => i.value) } : no;
		}
		case 'ObjectExpression': {
			const out: Record<string, unknown> = {};
			for (const p of n.properties as {
				type: string;
				computed?: boolean;
				key: { type: string; name?: string; value?: unknown };
				value: unknown;
			}[]) {
				if (p.type !== 'Property' || p.computed) return no;
				const key = p.key.type === 'Identifier' ? p.key.name : String(p.key.value);
				const v = literalValue(p.value);
				if (!v.literal || key === undefined) return no;
				out[key] = v.value;
			}
			return { literal: true, value: out };
		}
		default:
			return no;
	}
}

function propsOf(el: Jsx): { props: ElementUse['props']; spread: boolean } {
	const props: ElementUse['props'] = [];
	let spread = false;
	for (const a of el.attributes) {
		if (a.type !== 'mdxJsxAttribute') {
			spread = true;
			continue;
		}
		if (a.value === null || a.value === undefined) props.push({ name: a.name, value: { kind: 'flag' } });
		else if (typeof a.value === 'string') props.push({ name: a.name, value: { kind: 'text', value: a.value } });
		else {
			const v = literalValue(a.value.data?.estree);
			props.push({ name: a.name, value: { kind: 'expression', source: a.value.value, ...v } });
		}
	}
	return { props, spread };
}

/** Every JSX element, ESM statement and text expression, with the chain of what it sits in. */
function collect(tree: Root, result: ExplainerAnalysis): void {
	const visit = (node: RootContent | Root, ancestors: string[]) => {
		if (node.type === 'mdxjsEsm') result.esm.push({ source: node.value, line: lineOf(node) });
		else if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression')
			result.expressions.push({ source: node.value, line: lineOf(node) });
		let inside = ancestors;
		if (isJsx(node)) {
			const children = node.children as RootContent[];
			result.elements.push({
				name: node.name,
				line: lineOf(node),
				block: node.type === 'mdxJsxFlowElement',
				...propsOf(node),
				ancestors,
				children: children.filter(isJsx).map((c) => c.name ?? '<>'),
				hasContent: toString(node).trim() !== '' || children.some((c) => c.type !== 'text'),
				hasList: children.some((c) => c.type === 'list'),
			});
			inside = [...ancestors, node.name ?? '<>'];
		} else if (node.type !== 'root') inside = [...ancestors, node.type];
		if ('children' in node) for (const child of (node as Parent).children) visit(child, inside);
	};
	visit(tree, []);
}

/** The analysis of a parsed explainer body. */
export function analyseExplainerTree(tree: Root, recorded?: Readonly<Record<string, LedgerEntry>>): ExplainerAnalysis {
	const result: ExplainerAnalysis = {
		sections: [],
		headings: [],
		paragraphIds: [],
		paragraphs: [],
		blocks: [],
		citations: [],
		people: [],
		uncited: [],
		elements: [],
		esm: [],
		expressions: [],
	};
	walkExplainer(
		tree,
		{
			onHeading: (node, id) => {
				const text = toString(node);
				result.headings.push({ id, depth: node.depth, text, line: lineOf(node) });
				if (node.depth === 2) result.sections.push({ id, title: text });
			},
			onBlock: (node, id, sectionId, n) => {
				result.blocks.push({ id, sectionId, text: toString(node) });
				if (node.type !== 'paragraph') return;
				result.paragraphIds.push(id);
				result.paragraphs.push({ id, sectionId, text: toString(node), n });
			},
			onCitation: (el, use) => result.citations.push({ ...use, line: lineOf(el), element: el.name ?? '' }),
			onPerson: (el, blockId, sectionId) =>
				result.people.push({ id: attr(el, 'id') ?? '', blockId, sectionId, line: lineOf(el) }),
			onUncited: (node) => result.uncited.push({ text: toString(node).slice(0, 80), line: lineOf(node) }),
		},
		recorded,
	);
	// Headings deeper than ### get no id from the walk; the checks still see them.
	const deep = (n: RootContent | Root): void => {
		if (n.type === 'heading' && n.depth > 3)
			result.headings.push({ id: '', depth: n.depth, text: toString(n), line: lineOf(n) });
		if ('children' in n && n.type !== 'heading') (n as Parent).children.forEach(deep);
	};
	deep(tree);
	collect(tree, result);
	return result;
}

/** Parses an explainer body and analyses it (tests and tools; the build parses once, in the content model). */
export const analyseExplainer = (
	body: string,
	file?: string,
	recorded?: Readonly<Record<string, LedgerEntry>>,
): ExplainerAnalysis => analyseExplainerTree(parseMdx(body, file), recorded);
