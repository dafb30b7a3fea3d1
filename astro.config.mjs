// @ts-check
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { grounding } from './src/integrations/grounding.ts';
import { builtHtml } from './src/integrations/built-html.ts';
import { linkCheck } from './src/integrations/link-check.ts';
import { pagefind } from './src/integrations/pagefind.ts';
import { parseCountsReport } from './src/integrations/parse-counts.ts';
import { CSP_DIRECTIVES, SCRIPT_SOURCES, cspHash } from './src/lib/csp.ts';
import { remarkParagraphs } from './src/lib/remark-paragraphs.ts';
import { SEARCH_PAGE_SCRIPT } from './src/lib/search-page-script.ts';
import { parseSiteUrl } from './src/lib/site-url.ts';
import { THEME_SCRIPT } from './src/lib/theme-script.ts';

/**
 * The public address of the home page. Set SITE_URL when deploying; it may carry a path
 * (https://example.org/talks/), which becomes the base every link is put under.
 */
const { origin, base } = parseSiteUrl(process.env.SITE_URL ?? 'http://localhost:4321/');

export default defineConfig({
	site: origin,
	base,
	trailingSlash: 'always',
	// Order matters at build end: the sitemap exists before links are checked, and Pagefind indexes the final HTML.
	// Quote share pages (/s/…) are for link previews only: kept out of the sitemap (and noindex).
	// The grounding check runs first, when the config is done: a sentence it cannot ground stops the build before rendering.
	integrations: [
		grounding(),
		mdx(),
		sitemap({ filter: (page) => !page.endsWith('/404/') && !new URL(page).pathname.startsWith(`${base}s/`) }),
		// One pass over the built pages (base path, CSP <meta> first and _headers, old anchor ids)
		// before the link check, which then sees the links and ids readers get.
		builtHtml(),
		linkCheck(),
		pagefind(),
		parseCountsReport(),
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
		// Scripts as files, never inlined into the HTML: shared and cached across pages, and each
		// reading page's HTML stays within its 14 KB budget.
		// No `modulePreload: false`: on this Vite it changes nothing in dist/ (checked byte for byte).
		// Vite still wraps every dynamic import() in its preload helper (~0.9 KB gzip, loaded with the
		// importing script; vitejs/vite#18551), so code meant to load lazily ships in an inert
		// <template data-lazy> instead (see "Search: Loading" in CONTRIBUTING.md).
		build: { assetsInlineLimit: 0 },
	},
});
