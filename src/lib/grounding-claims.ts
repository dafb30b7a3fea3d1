/**
 * The sentences the grounding check looks at, read from content: every sentence of a cited
 * block of an explainer (with the citations that follow it), and every sentence of an event's
 * title, summary and disagreement. Pure: it takes file texts and returns plain `Claim`s.
 */
import type { Parent, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import type { CitationRef } from './citations';
import { formatDate } from './dates';
import type { Claim } from './grounding';
import { splitSentences } from './grounding-terms';

type Jsx = MdxJsxFlowElement | MdxJsxTextElement;
const isJsx = (node: { type: string }): node is Jsx =>
	node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
const attr = (node: Jsx, name: string): string | undefined => {
	for (const a of node.attributes)
		if (a.type === 'mdxJsxAttribute' && a.name === name && typeof a.value === 'string') return a.value;
	return undefined;
};

/** A block's text, the offsets its citations sit at, and the source line of every character. */
interface Flat {
	text: string;
	lines: number[];
	cites: { offset: number; ref: CitationRef }[];
}

function flatten(node: RootContent | Root, flat: Flat = { text: '', lines: [], cites: [] }): Flat {
	const append = (value: string, line: number) => {
		let l = line;
		for (const ch of value) {
			flat.text += ch;
			flat.lines.push(l);
			if (ch === '\n') l++;
		}
	};
	const line = node.position?.start.line ?? flat.lines.at(-1) ?? 1;
	if (node.type === 'text' || node.type === 'inlineCode') append(node.value, line);
	else if (node.type === 'break') append(' ', line);
	else if (isJsx(node) && node.name === 'Cite')
		flat.cites.push({
			offset: flat.text.length,
			ref: { article: attr(node, 'article') ?? '', p: attr(node, 'p') ?? '' },
		});
	else if ('children' in node) {
		(node as Parent).children.forEach((child, i) => {
			// Paragraphs inside a list item or a note are separate sentences.
			if (i > 0 && child.type === 'paragraph') append(' ', line);
			flatten(child, flat);
		});
	}
	return flat;
}

/**
 * Sentences of one block, each with the citations that follow it before the next sentence
 * begins. A sentence with none of its own shares those of the next sentence that has some (a
 * citation after two sentences supports both); trailing ones share the last.
 */
function blockClaims(
	flat: Flat,
	base: Omit<Claim, 'line' | 'text' | 'sources'>,
	own: CitationRef[],
	lineOffset: number,
): Claim[] {
	const sentences = splitSentences(flat.text);
	const refs = sentences.map((s, i) => {
		const next = sentences[i + 1]?.start ?? Infinity;
		return flat.cites.filter((c) => c.offset > s.start && c.offset <= next).map((c) => c.ref);
	});
	return sentences.map((s, i) => {
		let sources = refs[i] ?? [];
		for (let j = i + 1; !sources.length && j < refs.length; j++) sources = refs[j] ?? [];
		for (let j = i - 1; !sources.length && j >= 0; j--) sources = refs[j] ?? [];
		return {
			...base,
			line: (flat.lines[s.start] ?? 1) + lineOffset,
			text: s.text.replace(/\s+/g, ' '),
			sources: [...own, ...sources],
		};
	});
}

/**
 * Claims of an explainer, from its body's tree as the content model parsed it. `bodyLineOffset`
 * is the number of lines before the body (the frontmatter).
 */
export function explainerClaims(file: string, tree: Root, bodyLineOffset = 0): Claim[] {
	const context: string[] = [];
	const blocks: { node: RootContent; own: CitationRef[]; withNotes: boolean }[] = [];
	const walk = (nodes: RootContent[], inNote: boolean) => {
		for (const node of nodes) {
			if (node.type === 'paragraph') {
				if (inNote) context.push(toString(node));
				else blocks.push({ node, own: [], withNotes: false });
			} else if (node.type === 'list') {
				for (const item of node.children) {
					if (inNote) context.push(toString(item));
					else blocks.push({ node: item, own: [], withNotes: false });
				}
			} else if (isJsx(node) && (node.name === 'Correction' || node.name === 'Account')) {
				const ref = { article: attr(node, 'article') ?? '', p: attr(node, 'p') ?? '' };
				blocks.push({ node, own: [ref], withNotes: node.name === 'Correction' });
			} else if (isJsx(node) && node.name === 'ContextNote') {
				context.push(attr(node, 'reference') ?? '');
				walk(node.children, true);
			} else if (isJsx(node) || node.type === 'blockquote') {
				walk(node.children, inNote);
			}
		}
	};
	walk(tree.children, false);
	return blocks.flatMap((b) =>
		blockClaims(flatten(b.node), { file, field: 'body', context, withNotes: b.withNotes }, b.own, bodyLineOffset),
	);
}

interface RawEvent {
	id?: unknown;
	title?: unknown;
	summary?: unknown;
	sources?: unknown;
	disagreement?: { text?: unknown; sources?: unknown };
	context?: { text?: unknown; reference?: { title?: unknown; date?: unknown } };
}

const isRef = (r: unknown): r is CitationRef =>
	typeof r === 'object' &&
	r !== null &&
	typeof (r as CitationRef).article === 'string' &&
	typeof (r as CitationRef).p === 'string';
const refsOf = (value: unknown): CitationRef[] => (Array.isArray(value) ? value.filter(isRef) : []);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** "2008-04-03" → "3 April 2008", so the check reads a reference's date like any other. */
const proseDate = (iso: unknown): string => {
	const day = text(iso);
	return /^\d{4}-\d{2}-\d{2}$/.test(day) ? formatDate(new Date(`${day}T00:00:00Z`)) : day;
};

/** Claims of the events file: each event's title, the sentences of its summary and of its disagreement. */
export function eventClaims(
	file: string,
	yaml: { value: unknown; lineOf: (path: readonly PropertyKey[]) => number },
): Claim[] {
	const events = yaml.value;
	if (!Array.isArray(events)) return [];
	const claims: Claim[] = [];
	(events as RawEvent[]).forEach((event, i) => {
		const line = (...path: (string | number)[]) => yaml.lineOf([i, ...path]);
		const context = event.context
			? [text(event.context.text), text(event.context.reference?.title), proseDate(event.context.reference?.date)]
			: [];
		const sources = refsOf(event.sources);
		const add = (key: string, text: unknown, refs: CitationRef[], path: (string | number)[]) => {
			if (typeof text !== 'string') return;
			const at = line(...path);
			for (const s of splitSentences(text))
				claims.push({ file, line: at, field: `events[${i}].${key}`, text: s.text, sources: refs, context });
		};
		add('title', event.title, sources, ['title']);
		add('summary', event.summary, sources, ['summary']);
		add('disagreement.text', event.disagreement?.text, refsOf(event.disagreement?.sources), ['disagreement', 'text']);
	});
	return claims;
}
