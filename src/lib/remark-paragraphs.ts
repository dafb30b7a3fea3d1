/**
 * Remark plugin that gives every paragraph of an explainer its stable id and wraps it in
 * `<Paragraph id label mark ctx={props}>`, so the page's `<Paragraph>` component can add the
 * share control beside it; it also sets heading ids and numbers citation markers. `props` are
 * the props the page passes to `<Content>`: that is how per-page data reaches each paragraph
 * without a second lookup.
 *
 * Ids come from `explainer-analysis.ts`, the same walk the content model uses, so what is checked
 * is what is rendered. Source articles are not compiled as MDX: the article page renders their
 * paragraphs from the content model (components/ArticleText.astro), with ids from `paragraphs.ts`.
 */
import type { Paragraph, Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import { readFileSync, statSync } from 'node:fs';
import { LEDGER_FILE, parseLedger, type Ledger } from './anchor-ledger';
import { walkExplainer } from './explainer-analysis';
import { countParse } from './parse-count';

const EXPLAINER_FILE = /[\\/]src[\\/]content[\\/]explainers[\\/][^\\/]+\.mdx$/;

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

/** Replaces `node` in place by `<Paragraph>` holding it, with the id on the `<p>` itself. */
function wrap(node: Paragraph, id: string, label: string, mark: string): void {
	const properties = { id };
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

let ledgerCache: { path: string; mtime: number; ledger: Ledger } | undefined;

/**
 * The anchor ledger of the project an explainer belongs to (its root is above `src/content/`),
 * read again only when the file changes. Its problems are the content model's to report.
 */
function ledgerFor(root: string): Ledger {
	const path = `${root}${LEDGER_FILE}`;
	const mtime = (() => {
		try {
			return statSync(path).mtimeMs;
		} catch {
			return -1;
		}
	})();
	if (ledgerCache?.path !== path || ledgerCache.mtime !== mtime)
		ledgerCache = {
			path,
			mtime,
			ledger: mtime === -1 ? {} : parseLedger(readFileSync(path, 'utf8')).ledger,
		};
	return ledgerCache.ledger;
}

export function remarkParagraphs() {
	return (tree: Root, file: VFile) => {
		const content = file.path.replaceAll('\\', '/').lastIndexOf('src/content/');
		if (content !== -1) countParse('render', file.path.replaceAll('\\', '/').slice(content));
		if (EXPLAINER_FILE.test(file.path)) {
			bindCitations(tree);
			// <InBrief> gets the page context too: it lists the sections after its bullets.
			for (const node of tree.children) {
				if (node.type === 'mdxJsxFlowElement' && node.name === 'InBrief') node.attributes.push(ctxAttribute());
			}
			const titles = new Map<string, string>();
			const path = file.path.replaceAll('\\', '/');
			const slug = path.slice(path.lastIndexOf('/') + 1).replace(/\.mdx$/, '');
			const recorded = ledgerFor(path.slice(0, content))[`/explainers/${slug}/`];
			walkExplainer(
				tree,
				{
					onHeading: (node, id) => {
						setId(node, id);
						if (node.depth === 2) titles.set(id, node.children.map((c) => ('value' in c ? c.value : '')).join(''));
					},
					// The label says where the block stands now; its id may be older than its place (anchor-ledger.ts).
					onBlock: (node, id, sectionId, n) => {
						const where = sectionId === 'intro' ? 'the introduction' : `“${titles.get(sectionId) ?? sectionId}”`;
						if (node.type === 'paragraph') wrap(node, id, `paragraph ${n} of ${where}`, '¶');
						else if (node.type === 'mdxJsxFlowElement') node.attributes.push(text('id', id));
						else setId(node, id);
					},
					onCitation: (el: MdxJsxFlowElement | MdxJsxTextElement, use) => {
						el.attributes.push(text('n', String(use.n)), text('k', String(use.k)), ctxAttribute());
					},
				},
				recorded,
			);
		}
	};
}
