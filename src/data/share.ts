/**
 * Everything sharing needs from the content, gathered in one place and once per build: each page's
 * preview card, and every shareable anchor (article paragraphs, explainer sections and paragraphs,
 * timeline events) with its text, attribution and date. The card endpoint, the share pages, the
 * layout's meta tags and the share menu's data all read it from here.
 *
 * It reads the collections through the existing loaders and src/lib parsers; when content gets
 * one typed model, only this module needs repointing.
 */
import { getCollection } from 'astro:content';
import { toString } from 'mdast-util-to-string';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { byDate } from '../lib/articles';
import { articleDate } from '../lib/article-dates';
import { cardPath, type CardSpec, type PageCard } from '../lib/card';
import { describeDate } from '../lib/events';
import { walkExplainer } from '../lib/explainer-analysis';
import { extractParagraphs } from '../lib/paragraphs';
import { normaliseSpace, sharePath } from '../lib/share';
import { SHARE, SITE } from '../lib/site';
import { TRACKS } from '../lib/tracks';

/** A shareable anchor and what its share page, card and menu say about it. */
export interface ShareAnchor {
	/** The page it is on: `/articles/x/`. */
	page: string;
	/** The anchor id on that page: `p7`. */
	anchor: string;
	/** `/s/articles/x/p7/`. */
	path: string;
	/** The share page's og:title: the page's (or, for an event, the event's) title. */
	title: string;
	/** The passage: the paragraph's text, a section's opening paragraph, an event's summary. */
	text: string;
	/** Attribution: the article's or explainer's title (with the section), or the event's title. */
	source: string;
	/** What it is, for the card and the share page: "Source article · paragraph 7". */
	kind: string;
	/** As readers see it ("10 January 2022"); absent when there is no honest date. */
	date?: string | undefined;
	/** A section's heading or an event's title, shown above the text. */
	heading?: string | undefined;
	/** False when the text is our summary (an event), not a passage to quote. */
	quoted?: boolean | undefined;
	/** What the link says it points at: "paragraph 7", "event “…”". */
	label: string;
	/** The quote card; the page's own card when quote cards are switched off. */
	image: string;
	/** The card's content, when quote cards are on. */
	card?: CardSpec | undefined;
}

export interface ShareData {
	/** Cards by page path (`/articles/x/`). */
	pages: Map<string, PageCard>;
	anchors: ShareAnchor[];
}

/** Light track colours (global.css), for the strip on event cards. */
const TRACK_ACCENT: Record<keyof typeof TRACKS, string> = {
	diplomacy: '#2f6aa8',
	statements: '#8a4a8f',
	military: '#b24a1e',
	'aid-humanitarian': '#1f7a5c',
	background: '#6e6a62',
};

const parser = unified().use(remarkParse).use(remarkMdx);

/** An explainer's sections and paragraphs, with the ids the page renders (the remark plugin's walk). */
function explainerBlocks(body: string) {
	const tree = parser.parse(body);
	const sections: { id: string; title: string }[] = [];
	const paragraphs: { id: string; sectionId: string; n: number; text: string }[] = [];
	walkExplainer(tree, {
		onHeading: (node, id) => {
			if (node.depth === 2) sections.push({ id, title: toString(node) });
		},
		onBlock: (node, id, sectionId) => {
			if (node.type !== 'paragraph') return;
			paragraphs.push({
				id,
				sectionId,
				n: Number(id.slice(id.lastIndexOf('-') + 1)),
				text: normaliseSpace(toString(node)),
			});
		},
	});
	return { sections, paragraphs };
}

let cached: Promise<ShareData> | undefined;

/** The share data of the whole site, computed once per build. */
export function shareData(): Promise<ShareData> {
	return (cached ??= gather());
}

async function gather(): Promise<ShareData> {
	const [articles, explainers, events, people] = await Promise.all([
		getCollection('articles'),
		getCollection('explainers'),
		getCollection('events'),
		getCollection('people'),
	]);
	articles.sort(byDate);
	explainers.sort((a, b) => a.data.order - b.data.order);
	const pages = new Map<string, PageCard>();
	const anchors: ShareAnchor[] = [];
	const page = (path: string, card: Omit<PageCard, 'type'>) => pages.set(path, { type: 'page', ...card });
	const add = (a: Omit<ShareAnchor, 'path' | 'image' | 'card'> & { accent?: string; cardSource?: string }) => {
		const { accent, cardSource, ...anchor } = a;
		const { quoted, heading, date, kind } = a;
		const path = sharePath(a.page, a.anchor);
		const card: CardSpec | undefined = SHARE.quoteCards
			? { type: 'quote', kind, quote: a.text, source: cardSource ?? a.source, date, heading, quoted, accent }
			: undefined;
		anchors.push({ ...anchor, path, image: card ? cardPath(path) : cardPath(a.page), card });
	};

	page('/', {
		kind: 'Sourced explainer · January–March 2022',
		title: 'NATO, Russia and Ukraine: the talks before and after the invasion',
	});
	page('/articles/', {
		kind: 'Source articles',
		title: `The ${articles.length} news articles behind this site, word for word`,
	});
	page('/explainers/', { kind: 'Explainers', title: 'The talks explained, every paragraph cited' });
	page('/timeline/', { kind: `Timeline · 1949 to ${SITE.asOf}`, title: 'Every dated event in the sources' });
	page('/people/', { kind: 'People and organisations', title: 'Who is who in the sources' });
	page('/search/', { kind: 'Search', title: 'Search the articles, explainers and timeline' });
	page('/404/', { kind: 'Page not found', title: 'There is no page at this address' });

	for (const article of articles) {
		const { data } = article;
		const path = `/articles/${article.id}/`;
		const date = articleDate(data).replace(/^a/, 'A');
		page(path, { kind: 'Source article', title: data.title, date });
		for (const p of extractParagraphs(article.body ?? '')) {
			const n = p.id.slice(1);
			add({
				page: path,
				anchor: p.id,
				title: data.title,
				text: normaliseSpace(p.text),
				source: `“${data.title}”, paragraph ${n}`,
				// The card's eyebrow already says which paragraph.
				cardSource: `“${data.title}”`,
				kind: `Source article · paragraph ${n}`,
				date,
				label: `paragraph ${n}`,
			});
		}
	}

	for (const explainer of explainers) {
		const { data } = explainer;
		const path = `/explainers/${explainer.id}/`;
		page(path, { kind: `Explainer · as of ${SITE.asOf}`, title: data.title, dek: data.description });
		const { sections, paragraphs } = explainerBlocks(explainer.body ?? '');
		const titles = new Map(sections.map((s) => [s.id, s.title]));
		for (const s of sections) {
			const opening = paragraphs.find((p) => p.sectionId === s.id);
			if (!opening) continue;
			add({
				page: path,
				anchor: s.id,
				title: data.title,
				text: opening.text,
				heading: s.title,
				source: data.title,
				kind: 'Explainer · section',
				label: `section “${s.title}”`,
			});
		}
		for (const p of paragraphs) {
			const where = titles.get(p.sectionId);
			add({
				page: path,
				anchor: p.id,
				title: data.title,
				text: p.text,
				source: where ? `${data.title} › ${where}` : data.title,
				kind: 'Explainer',
				label: where ? `paragraph ${p.n} of “${where}”` : `paragraph ${p.n} of the introduction`,
			});
		}
	}

	for (const event of events) {
		const e = event.data;
		add({
			page: '/timeline/',
			anchor: event.id,
			title: e.title,
			text: e.summary,
			heading: e.title,
			// The summary is in our words: shown under the event's title, not as a quotation.
			quoted: false,
			source: e.title,
			kind: `Timeline · ${TRACKS[e.track].label}`,
			date: describeDate(e),
			label: `event “${e.title}”`,
			accent: TRACK_ACCENT[e.track],
		});
	}

	for (const person of people) {
		const d = person.data;
		page(`/people/${person.id}/`, {
			kind: d.kind === 'person' ? 'Person' : 'Organisation',
			title: d.name,
			dek: `${d.role}, at the time of the talks`,
		});
	}
	return { pages, anchors };
}

/**
 * A page's card path and its alternative text. A page with no card of its own (a new kind of page,
 * a test fixture) shows the home page's card rather than stopping the build; tests/dist/og.test.ts
 * then fails, naming the page and where to add its card.
 */
export async function cardOf(pathname: string): Promise<{ image: string; alt: string }> {
	const path = pathname === '/404.html' ? '/404/' : pathname;
	const { pages } = await shareData();
	const card = pages.get(path);
	if (!card) return { image: cardPath('/'), alt: cardAlt(pages.get('/')!) };
	return { image: cardPath(path), alt: cardAlt(card) };
}

/** What a card shows, in words: "Source article, 10 January 2022: <title>. The 2022 Security Talks". */
export function cardAlt(card: CardSpec): string {
	if (card.type === 'page') return `${card.kind}${card.date ? `, ${card.date}` : ''}: ${card.title}. ${SITE.name}`;
	return `${card.kind}: “${card.quote.length > 200 ? `${card.quote.slice(0, 200).replace(/\s+\S*$/, '')}…` : card.quote}” — ${card.source}${card.date ? `, ${card.date}` : ''}. ${SITE.name}`;
}
