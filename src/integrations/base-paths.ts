/**
 * When the site is deployed under a path (SITE_URL=https://example.org/talks/), prefixes every
 * root-relative URL in the built HTML with it (src/lib/base-paths.ts). Runs at the end of the
 * build, before the link check, which then checks the links as a reader's browser will see them.
 * Nothing happens for a site at the root of its origin.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { rebaseHtml } from '../lib/base-paths';
import { listFiles } from './dist';

export function basePaths(): AstroIntegration {
	let base = '/';
	return {
		name: 'site:base-paths',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base.endsWith('/') ? config.base : `${config.base}/`;
			},
			'astro:build:done': ({ dir, logger }) => {
				if (base === '/') return;
				const dist = fileURLToPath(dir);
				const pages = listFiles(dist).filter((f) => f.endsWith('.html'));
				for (const file of pages) {
					const path = join(dist, file);
					writeFileSync(path, rebaseHtml(readFileSync(path, 'utf8'), base));
				}
				logger.info(`Links on ${pages.length} pages put under the base path ${base}.`);
			},
		},
	};
}
