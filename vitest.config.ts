import { defineConfig } from 'vitest/config';

/**
 * Three kinds of test, run at different points of `npm test`:
 * - unit: pure logic and schemas, no build (`npm run test:unit`);
 * - content: broken-content fixtures, through the content model in-process or a real Astro build
 *   of a temporary copy (`npm run test:content`);
 * - dist: gates over the built site in dist/ (`npm run test:dist`, after `npm run build`).
 */
export default defineConfig({
	test: {
		// Dates are calendar days; a fixed zone proves no code depends on the machine's.
		env: { TZ: 'Pacific/Auckland' },
		// Both cores: Vitest's default leaves one free, and each project then ran its files one at a time.
		maxWorkers: 2,
		projects: [
			{ extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
			{
				extends: true,
				test: {
					name: 'content',
					include: ['tests/content/**/*.test.ts'],
					// Real builds run two at a time, one per core.
					maxConcurrency: 2,
					testTimeout: 180_000,
					hookTimeout: 180_000,
				},
			},
			{ extends: true, test: { name: 'dist', include: ['tests/dist/**/*.test.ts'], testTimeout: 60_000 } },
		],
	},
});
