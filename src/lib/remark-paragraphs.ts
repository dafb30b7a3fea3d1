/**
 * Remark plugin that gives every paragraph of a source article or an explainer its stable id and
 * wraps it in `<Paragraph id label mark ctx={props}>`, so the page's `<Paragraph>` component can
 * add the copy-link control, editor's notes and backlinks beside it. In explainers it also sets
 * heading ids and numbers citation markers. `props` are the props the page passes to
 * `<Content>`: that is how per-page data reaches each paragraph without a second lookup.
 *
 * Ids come from `paragraphs.ts` (articles) and `explainer-analysis.ts` (explainers) — the same
 * functions the content checks use, so what is checked is what is rendered.
 */
import type { Paragraph, Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import { walkExplainer } from './explainer-analysis';
import { paragraphId, paragraphNodes } from './paragraphs';
import { countParse } from './parse-count';
import { subResultAttributes } from './search';

const IN_COLLECTION = (name: string) => new RegExp(`[\\\\/]src[\\\\/]content[\\\\/]${name}[\\\\/][^\\\\/]+\\.mdx$`);
const ARTICLE_FILE = IN_COLLECTION('articles');
const EXPLAINER_FILE = IN_COLLECTION('explainers');

const text = (name: string, value: string): MdxJsxAttribute => ({ type: 'mdxJsxAttribute', name, value });

/** `ctx={props}`: the whole props object of the MDX content, as an attribute. */
const ctxAttribute = (): MdxJsxAttribute => ({
	type: 'mdxJsxAttribute',
	name: 'ctx',
	value: {
		type: 'mdxJsxAttributeValueExpression',
		value: 'props',
		data: {
			estree: {
				type: 'Program',
				sourceType: 'module',
				body: [{ type: 'ExpressionStatement', expression: { type: 'Identifier', name: 'props' } }],
			},
		},
	},
});

/**
 * Replaces `node` in place by `<Paragraph>` holding it, with the id on the `<p>` itself. With a
 * `subResult` title, a search match inside the paragraph links straight to it (a Pagefind
 * sub-result such as "Paragraph 3").
 */
function wrap(node: Paragraph, id: string, label: string, mark: string, subResult?: string): void {
	const properties = { id, ...(subResult ? subResultAttributes(subResult) : {}) };
	const wrapper: MdxJsxFlowElement = {
		type: 'mdxJsxFlowElement',
		name: 'Paragraph',
		attributes: [text('id', id), text('label', label), text('mark', mark), ctxAttribute()],
		children: [{ ...node, data: { ...node.data, hProperties: properties } }],
	};
	Object.assign(node, wrapper);
}

const setId = (node: RootContent, id: string) => {
	node.data = { ...node.data, hProperties: { ...(node.data as { hProperties?: object })?.hProperties, id } };
};

/** Joins each citation marker to the word before it, so a marker never starts a line on its own. */
function bindCitations(node: Root | RootContent): void {
	if (!('children' in node)) return;
	const children = node.children as RootContent[];
	children.forEach((child, i) => {
		const before = children[i - 1];
		if (child.type === 'mdxJsxTextElement' && child.name === 'Cite' && before?.type === 'text') {
			before.value = before.value.replace(/ +$/, '\u00a0');
		}
		bindCitations(child);
	});
}

export function remarkParagraphs() {
	return (tree: Root, file: VFile) => {
		const content = file.path.replaceAll('\\', '/').lastIndexOf('src/content/');
		if (content !== -1) countParse('render', file.path.replaceAll('\\', '/').slice(content));
		if (ARTICLE_FILE.test(file.path)) {
			paragraphNodes(tree).forEach((node, i) => {
				const id = paragraphId(i);
				wrap(node, id, `paragraph ${i + 1}`, String(i + 1), `Paragraph ${i + 1}`);
			});
		} else if (EXPLAINER_FILE.test(file.path)) {
			bindCitations(tree);
			// <InBrief> gets the page context too: it lists the sections after its bullets.
			for (const node of tree.children) {
				if (node.type === 'mdxJsxFlowElement' && node.name === 'InBrief') node.attributes.push(ctxAttribute());
			}
			const titles = new Map<string, string>();
			walkExplainer(tree, {
				onHeading: (node, id) => {
					setId(node, id);
					if (node.depth === 2) titles.set(id, node.children.map((c) => ('value' in c ? c.value : '')).join(''));
				},
				onBlock: (node, id, sectionId) => {
					const where = sectionId === 'intro' ? 'the introduction' : `“${titles.get(sectionId) ?? sectionId}”`;
					const n = id.slice(id.lastIndexOf('-') + 1);
					if (node.type === 'paragraph') wrap(node, id, `paragraph ${n} of ${where}`, '¶');
					else if (node.type === 'mdxJsxFlowElement') node.attributes.push(text('id', id));
					else setId(node, id);
				},
				onCitation: (el: MdxJsxFlowElement | MdxJsxTextElement, use) => {
					el.attributes.push(text('n', String(use.n)), text('k', String(use.k)), ctxAttribute());
				},
			});
		}
	};
}
