/**
 * Security at the end of every build: puts each page's CSP `<meta>` first in its head (see
 * `hoistCspMeta`) and writes dist/_headers for static hosts. Runs before Pagefind indexes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { headersFile, hoistCspMeta } from '../lib/csp';
import { listFiles } from './dist';

export function security(): AstroIntegration {
	let base = '/';
	return {
		name: 'site:security',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base.endsWith('/') ? config.base : `${config.base}/`;
			},
			'astro:build:done': ({ dir, logger }) => {
				const dist = fileURLToPath(dir);
				const pages = listFiles(dist).filter((f) => f.endsWith('.html'));
				for (const page of pages) {
					const file = join(dist, page);
					try {
						writeFileSync(file, hoistCspMeta(readFileSync(file, 'utf8')));
					} catch (error) {
						throw new Error(`dist/${page}: ${(error as Error).message}; is security.csp on in astro.config.mjs?`);
					}
				}
				writeFileSync(join(dist, '_headers'), headersFile(base));
				logger.info(`Content Security Policy first in the head of ${pages.length} pages; wrote _headers.`);
			},
		},
	};
}
