/**
 * Writes how often each content file was parsed during the build (src/lib/parse-count.ts) to the
 * file named by CONTENT_PARSE_COUNTS, when it is set. The content tests read it to hold the build
 * to one parse per file for the model and one for rendering; the scale benchmark reports it.
 */
import { writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { parseCounts } from '../lib/parse-count';

export function parseCountsReport(): AstroIntegration {
	return {
		name: 'parse-counts',
		hooks: {
			'astro:build:done': () => {
				const out = process.env.CONTENT_PARSE_COUNTS;
				if (out) writeFileSync(out, `${JSON.stringify(parseCounts(), null, '\t')}\n`);
			},
		},
	};
}
