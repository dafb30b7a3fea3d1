/**
 * Preview cards (Open Graph images, 1200×630) as data: what a card says, and the element tree
 * satori lays out from it. Pure: no fonts, no rendering (that is `card-render.ts`), so the layout
 * rules (sizes chosen by text length, cuts at a word) are unit-tested and the tree is the cache key.
 *
 * Legible as a 300 px thumbnail (a quarter of full size): no text below 26 px at full size, and
 * titles and quotes large enough to read at a glance.
 */
import { excerpt } from './excerpt';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** A page's card: what kind of page, its title, and the date it is from or about. */
export interface PageCard {
	type: 'page';
	/** "Source article", "Explainer", "Timeline event", … */
	kind: string;
	title: string;
	/** As a reader should see it: "10 January 2022", "About 12 January 2022"; none when there is no honest date. */
	date?: string | undefined;
	/** A line under the title (a role, a description); optional. */
	dek?: string | undefined;
	/** Colour of the strip at the left edge (a timeline track's colour for events). */
	accent?: string | undefined;
}

/** A quote card: a passage, who it is from, and when. */
export interface QuoteCard {
	type: 'quote';
	/** "Source article · paragraph 7" */
	kind: string;
	/** The passage as published (cut here to fit; the share page's description carries more). */
	quote: string;
	/** Where it is from: the article's or explainer's title, or the event's title. */
	source: string;
	date?: string | undefined;
	/** For a section or an event: its heading, shown above the passage. */
	heading?: string | undefined;
	/**
	 * False for text in our own words that is not a quotation (an event's summary): it is shown
	 * without quotation marks or attribution, under its heading.
	 */
	quoted?: boolean | undefined;
	accent?: string | undefined;
}

export type CardSpec = PageCard | QuoteCard;

/** The elements satori understands: a type and props with inline styles and children. */
export interface CardNode {
	type: string;
	props: { style?: Record<string, string | number>; children?: CardChild | CardChild[] };
}
export type CardChild = CardNode | string;

/** The site's light palette (src/styles/global.css). */
export const CARD_COLOURS = {
	bg: '#fbfaf7',
	raised: '#f2efe8',
	text: '#1c1b19',
	muted: '#55524b',
	rule: '#d9d4c9',
	accent: '#1f4fa3',
} as const;

const h = (type: string, style: Record<string, string | number>, ...children: CardChild[]): CardNode => ({
	type,
	props: { style, children: children.length === 1 ? children[0]! : children },
});

/** Title size by length: short titles large, long ones smaller but never below 50 px. */
export function titleSize(title: string): number {
	const n = title.length;
	if (n <= 36) return 84;
	if (n <= 60) return 72;
	if (n <= 95) return 62;
	return 54;
}

/** Quote size by length, and how much of the quote fits at that size (cut at a word). */
export function quoteFit(quote: string, withHeading: boolean): { size: number; text: string } {
	// With a heading above it, a quotation (which also has an attribution below) gets less room.
	const steps = withHeading
		? [
				{ size: 44, max: 110 },
				{ size: 38, max: 170 },
			]
		: [
				{ size: 52, max: 110 },
				{ size: 46, max: 160 },
				{ size: 40, max: 230 },
			];
	const fit = steps.find((s) => quote.length <= s.max);
	if (fit) return { size: fit.size, text: quote };
	const last = steps.at(-1)!;
	return { size: last.size, text: excerpt(quote, last.max) };
}

const eyebrow = (text: string) =>
	h(
		'div',
		{ fontSize: 30, fontWeight: 600, letterSpacing: 1.5, textTransform: 'uppercase', color: CARD_COLOURS.muted },
		text,
	);

function footer(site: { name: string; tagline: string }): CardNode {
	return h(
		'div',
		{
			display: 'flex',
			justifyContent: 'space-between',
			alignItems: 'baseline',
			borderTop: `3px solid ${CARD_COLOURS.text}`,
			paddingTop: 18,
			fontSize: 28,
		},
		h('span', { fontWeight: 600, fontSize: 30 }, site.name),
		h('span', { color: CARD_COLOURS.muted, fontSize: 27 }, site.tagline),
	);
}

function frame(accent: string, site: { name: string; tagline: string }, ...body: CardNode[]): CardNode {
	return h(
		'div',
		{
			width: '100%',
			height: '100%',
			display: 'flex',
			background: CARD_COLOURS.bg,
			color: CARD_COLOURS.text,
			fontFamily: 'Sans',
		},
		h('div', { width: 16, height: '100%', background: accent }),
		h(
			'div',
			{
				display: 'flex',
				flexDirection: 'column',
				flexGrow: 1,
				boxSizing: 'border-box',
				padding: '60px 76px 52px 68px',
			},
			h('div', { display: 'flex', flexDirection: 'column', flexGrow: 1 }, ...body),
			footer(site),
		),
	);
}

const clamp = (lines: number) => ({ display: 'block', lineClamp: lines, overflow: 'hidden' });

/** The element tree of a card, ready for satori (fonts named `Serif` and `Sans`). */
export function cardTree(card: CardSpec, site: { name: string; tagline: string }): CardNode {
	const accent = card.accent ?? CARD_COLOURS.accent;
	const kindLine = card.date ? `${card.kind} · ${card.date}` : card.kind;
	if (card.type === 'page') {
		const size = titleSize(card.title);
		return frame(
			accent,
			site,
			eyebrow(kindLine),
			h(
				'div',
				{ ...clamp(4), marginTop: 26, fontFamily: 'Serif', fontWeight: 600, fontSize: size, lineHeight: 1.12 },
				card.title,
			),
			...(card.dek
				? [h('div', { ...clamp(2), marginTop: 22, fontSize: 30, lineHeight: 1.3, color: CARD_COLOURS.muted }, card.dek)]
				: []),
		);
	}
	const quoted = card.quoted ?? true;
	const { size, text } = quoteFit(card.quote, Boolean(card.heading) && quoted);
	const passage = {
		...clamp(card.heading && quoted ? 4 : 5),
		fontFamily: 'Serif',
		fontSize: size,
		lineHeight: 1.28,
		flex: 1,
	};
	return frame(
		accent,
		site,
		eyebrow(kindLine),
		...(card.heading
			? [
					h(
						'div',
						{ ...clamp(2), marginTop: 18, fontFamily: 'Serif', fontWeight: 600, fontSize: 48, lineHeight: 1.12 },
						card.heading,
					),
				]
			: []),
		quoted
			? h(
					'div',
					{ display: 'flex', marginTop: card.heading ? 14 : 22, flexGrow: 1 },
					h('div', { fontFamily: 'Serif', fontSize: size * 1.6, lineHeight: 1, color: accent, marginRight: 14 }, '“'),
					h('div', passage, `${text}”`),
				)
			: h('div', { display: 'flex', marginTop: 16, flexGrow: 1 }, h('div', passage, text)),
		...(quoted
			? [
					h(
						'div',
						{ ...clamp(2), fontSize: 28, lineHeight: 1.25, fontWeight: 600, marginBottom: 18 },
						`— ${card.source}`,
					),
				]
			: []),
	);
}

/** Where a page's card is: `/og/<page path without its outer slashes>.png` (`/og/index.png` for home). */
export function cardPath(pagePath: string): string {
	const inner = pagePath.replace(/^\/+|\/+$/g, '');
	return `/og/${inner || 'index'}.png`;
}
