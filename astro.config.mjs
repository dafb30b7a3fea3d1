// @ts-check
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { pagefind } from './src/integrations/pagefind.ts';
import { remarkParagraphs } from './src/lib/remark-paragraphs.ts';

/** The public origin. Set SITE_URL when deploying elsewhere; canonical URLs and copied links use it. */
const site = process.env.SITE_URL ?? 'http://localhost:4321';

export default defineConfig({
	site,
	trailingSlash: 'always',
	integrations: [mdx(), sitemap({ filter: (page) => !page.endsWith('/404/') }), pagefind()],
	markdown: {
		// remark, not the default Sätteri processor, because paragraph ids come from a remark plugin.
		// Source articles are verbatim: no curly-quote rewriting, no autolinking of bare URLs.
		processor: unified({ remarkPlugins: [remarkParagraphs], smartypants: false, gfm: false }),
	},
	build: { format: 'directory' },
	vite: {
		// Vite wraps every dynamic import() in a preload helper (~0.9 KB gzip) that each page would load
		// eagerly. Code here loads lazily on purpose (search, highlighting), and the eager JavaScript of
		// a reading page has a 2 KB budget, so the helper stays out.
		build: { modulePreload: false },
	},
});
