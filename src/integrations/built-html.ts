/**
 * The build-end rewrites of every built page, in one pass: each HTML file is read once, goes
 * through the steps below in this order, and is written once. Runs after the sitemap and before
 * the link check (which then sees the pages as readers get them, old anchor ids included) and
 * before Pagefind indexes.
 *
 * 1. Base path (src/lib/base-paths.ts): when the site is deployed under a path
 *    (SITE_URL=https://example.org/talks/), every root-relative URL is put under it, so the link
 *    check checks the links a reader's browser will follow. Nothing for a site at the root.
 * 2. Security (src/lib/csp.ts): the page's CSP `<meta>` goes first in its head (`hoistCspMeta`);
 *    after the pass, dist/_headers is written for static hosts, its policy the pages' own merged
 *    (`headerPolicy`).
 * 3. Anchor aliases (src/lib/anchor-alias-html.ts): the anchor ledger's aliases and retired ids
 *    (src/content/anchors.json) as empty elements with the old id inside the element each now
 *    lands on, so a link shared before the text moved lands on the same words with no
 *    JavaScript. `astro dev` does not render them.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { insertAliases } from '../lib/anchor-alias-html';
import { aliasesOf, LEDGER_FILE, parseLedger } from '../lib/anchor-ledger';
import { rebaseHtml } from '../lib/base-paths';
import { headerPolicy, headersFile, hoistCspMeta, metaPolicy } from '../lib/csp';
import { sitePathOfFile } from '../lib/links';
import { ContentError, type Problem } from '../lib/problems';
import { listFiles } from './dist';

export function builtHtml(): AstroIntegration {
	let base = '/';
	let root = '';
	return {
		name: 'site:built-html',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base.endsWith('/') ? config.base : `${config.base}/`;
				root = fileURLToPath(config.root);
			},
			'astro:build:done': ({ dir, logger }) => {
				const dist = fileURLToPath(dir);
				const ledgerFile = join(root, LEDGER_FILE);
				// Site path (`/articles/x/`) → [old id, the anchor it lands on]. A page the ledger names
				// that was not built is the content model's problem to report, not this step's.
				const aliases = existsSync(ledgerFile)
					? aliasesOf(parseLedger(readFileSync(ledgerFile, 'utf8')).ledger)
					: new Map<string, [string, string][]>();
				const pages = listFiles(dist).filter((f) => f.endsWith('.html'));
				const policies = new Set<string>();
				const problems: Problem[] = [];
				let aliased = 0;
				for (const page of pages) {
					const file = join(dist, page);
					let html = readFileSync(file, 'utf8');
					if (base !== '/') html = rebaseHtml(html, base);
					try {
						html = hoistCspMeta(html);
					} catch (error) {
						throw new Error(`dist/${page}: ${(error as Error).message}; is security.csp on in astro.config.mjs?`);
					}
					policies.add(metaPolicy(html) ?? '');
					const path = sitePathOfFile(page);
					const own = aliases.get(path);
					if (own) {
						const { text, missing } = insertAliases(html, own);
						for (const [old, target] of missing)
							problems.push({
								file: LEDGER_FILE,
								field: `${path} → ${old}`,
								message: `the page has no element with id "${target}" for the old id #${old} to land on`,
								fix: 'point the alias or retirement at an id the page renders',
							});
						html = text;
						aliased += own.length - missing.length;
					}
					writeFileSync(file, html);
				}
				if (base !== '/') logger.info(`Links on ${pages.length} pages put under the base path ${base}.`);
				writeFileSync(join(dist, '_headers'), headersFile(headerPolicy([...policies]), base));
				logger.info(`Content Security Policy first in the head of ${pages.length} pages; wrote _headers.`);
				if (problems.length) throw new ContentError(problems, 'anchor alias problem');
				if (aliased) logger.info(`${aliased} old anchor id${aliased === 1 ? '' : 's'} kept as aliases.`);
			},
		},
	};
}
