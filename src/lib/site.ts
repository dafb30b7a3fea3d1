/** Facts about the site itself, used by the layout, feeds and tests. */
export const SITE = {
	name: 'The 2022 Security Talks',
	tagline: 'NATO, Russia and Ukraine, January–March 2022',
	description:
		'A sourced explainer on the security talks between NATO, the United States, Russia and Ukraine from January to March 2022, built from five news articles with every claim traced to a paragraph.',
	/** The sources end here; the site says so rather than implying the story ends. */
	asOf: 'mid-March 2022',
	lang: 'en-GB',
} as const;

export interface NavItem {
	href: string;
	label: string;
}

/** Header navigation. Sections are added here as they are built. */
export const NAV: readonly NavItem[] = [
	{ href: '/explainers/', label: 'Explainers' },
	{ href: '/timeline/', label: 'Timeline' },
	{ href: '/articles/', label: 'Sources' },
	{ href: '/people/', label: 'People' },
	// Rendered as the search button (SearchButton.astro): a link without JavaScript, a dialog with it.
	{ href: '/search/', label: 'Search' },
];

/**
 * Sharing. `quoteCards` gives every shareable paragraph and event its own preview image (a quote
 * card); on a very large site that is most of the build's image work (see `npm run bench`), and
 * switching it off keeps the share pages but gives them their page's card. `QUOTE_CARDS=off` in
 * the environment switches it off for one build.
 */
export const SHARE = {
	quoteCards: (globalThis.process?.env?.['QUOTE_CARDS'] ?? 'on') !== 'off',
} as const;
