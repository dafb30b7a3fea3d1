/**
 * Builds the Pagefind search index into dist/pagefind at the end of every `astro build`, so no
 * build can ship without search. Indexing errors stop the build.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';

export function pagefind(): AstroIntegration {
	return {
		name: 'site:pagefind',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const site = fileURLToPath(dir);
				try {
					const { index, errors } = await createIndex({ forceLanguage: 'en' });
					if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
					const added = await index.addDirectory({ path: site });
					if (added.errors.length) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
					const written = await index.writeFiles({ outputPath: `${site}pagefind` });
					if (written.errors.length)
						throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
					logger.info(`Indexed ${added.page_count} pages for search.`);
				} finally {
					await close();
				}
			},
		},
	};
}
