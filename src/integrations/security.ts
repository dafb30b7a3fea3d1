/**
 * Security at the end of every build: puts each page's CSP `<meta>` first in its head (see
 * `hoistCspMeta`) and writes dist/_headers for static hosts, whose policy is the pages' own merged
 * (see `headerPolicy`). Runs before Pagefind indexes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { headerPolicy, headersFile, hoistCspMeta, metaPolicy } from '../lib/csp';
import { listFiles } from './dist';

export function security(): AstroIntegration {
	return {
		name: 'site:security',
		hooks: {
			'astro:build:done': ({ dir, logger }) => {
				const dist = fileURLToPath(dir);
				const pages = listFiles(dist).filter((f) => f.endsWith('.html'));
				const policies = new Set<string>();
				for (const page of pages) {
					const file = join(dist, page);
					try {
						const html = hoistCspMeta(readFileSync(file, 'utf8'));
						policies.add(metaPolicy(html) ?? '');
						writeFileSync(file, html);
					} catch (error) {
						throw new Error(`dist/${page}: ${(error as Error).message}; is security.csp on in astro.config.mjs?`);
					}
				}
				writeFileSync(join(dist, '_headers'), headersFile(headerPolicy([...policies])));
				logger.info(`Content Security Policy first in the head of ${pages.length} pages; wrote _headers.`);
			},
		},
	};
}
