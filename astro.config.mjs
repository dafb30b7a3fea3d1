// @ts-check
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { linkCheck } from './src/integrations/link-check.ts';
import { pagefind } from './src/integrations/pagefind.ts';
import { security } from './src/integrations/security.ts';
import { CSP_DIRECTIVES, SCRIPT_SOURCES, cspHash } from './src/lib/csp.ts';
import { remarkParagraphs } from './src/lib/remark-paragraphs.ts';
import { SEARCH_PAGE_SCRIPT } from './src/lib/search-page-script.ts';
import { THEME_SCRIPT } from './src/lib/theme-script.ts';

/** The public origin. Set SITE_URL when deploying elsewhere; canonical URLs and copied links use it. */
const site = process.env.SITE_URL ?? 'http://localhost:4321';

export default defineConfig({
	site,
	trailingSlash: 'always',
	// Order matters at build end: the sitemap exists before links are checked, and Pagefind indexes the final HTML.
	// Quote share pages (/s/…) are for link previews only: kept out of the sitemap (and noindex).
	integrations: [
		mdx(),
		sitemap({ filter: (page) => !page.endsWith('/404/') && !new URL(page).pathname.startsWith('/s/') }),
		security(),
		linkCheck(),
		pagefind(),
	],
	markdown: {
		// remark, not the default Sätteri processor, because paragraph ids come from a remark plugin.
		// Source articles are verbatim: no curly-quote rewriting, no autolinking of bare URLs.
		processor: unified({ remarkPlugins: [remarkParagraphs], smartypants: false, gfm: false }),
	},
	// Stylesheets as files: one cached file serves every page a reader visits next, inline CSS would
	// push long pages past their 14 KB HTML budget (and each inline block costs a CSP hash).
	build: { format: 'directory', inlineStylesheets: 'never' },
	// Class names instead of a data-astro-cid-* attribute on every element: about 0.7 KB gzip less per long page.
	scopedStyleStrategy: 'class',
	security: {
		// Astro hashes every script and style it emits into a per-page <meta> policy; the one
		// inline script we write ourselves (the theme) is allowed by its hash.
		csp: {
			directives: [...CSP_DIRECTIVES],
			scriptDirective: { resources: [...SCRIPT_SOURCES], hashes: [cspHash(THEME_SCRIPT), cspHash(SEARCH_PAGE_SCRIPT)] },
		},
	},
	vite: {
		// Vite wraps every dynamic import() in a preload helper (~0.9 KB gzip) that each page would load
		// eagerly. Code here loads lazily on purpose (search, highlighting), and the eager JavaScript of
		// a reading page has a 2 KB budget, so the helper stays out.
		// Scripts as files, never inlined into the HTML: shared and cached across pages, and each
		// reading page's HTML stays within its 14 KB budget.
		build: { modulePreload: false, assetsInlineLimit: 0 },
	},
});
