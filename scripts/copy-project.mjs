/**
 * A copy of the project in a temporary folder, for builds that must not touch the project's own
 * dist or caches: the content fixtures (tests/content/harness.ts) and the benchmark's builds at
 * scale (bench/lib/scale.mjs). The copy has its own node_modules directory of symlinks, so
 * Astro's and Vite's caches (node_modules/.astro, node_modules/.vite) stay inside it.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const PROJECT = resolve(import.meta.dirname, '..');
/** What a build reads from the project besides node_modules. */
const COPIED = ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'];
/** Caches that must stay per copy. */
const NOT_LINKED = new Set(['.astro', '.vite', '.vite-temp', '.cache']);

/**
 * @param {object} [options]
 * @param {string} [options.root] The folder to copy into (it must exist); default a new temporary one.
 * @param {string} [options.prefix] Name prefix of the new temporary folder.
 * @param {boolean} [options.shareCards] Link the project's preview-card cache into the copy.
 *   Cards are cached by content hash and written atomically, so copies can share it: a fixture
 *   build then renders only the cards its change touches. A build that measures card rendering
 *   must not share it.
 * @returns {string} The copy's root.
 */
export function copyProject({ root, prefix = 'talks-build-', shareCards = false } = {}) {
	const dir = root ?? mkdtempSync(join(tmpdir(), prefix));
	for (const entry of COPIED) cpSync(join(PROJECT, entry), join(dir, entry), { recursive: true });
	mkdirSync(join(dir, 'node_modules'));
	for (const entry of readdirSync(join(PROJECT, 'node_modules')))
		if (!NOT_LINKED.has(entry)) symlinkSync(join(PROJECT, 'node_modules', entry), join(dir, 'node_modules', entry));
	if (shareCards) {
		const cards = join(PROJECT, 'node_modules/.cache/og-cards');
		mkdirSync(cards, { recursive: true });
		mkdirSync(join(dir, 'node_modules/.cache'));
		symlinkSync(cards, join(dir, 'node_modules/.cache/og-cards'));
	}
	return dir;
}
