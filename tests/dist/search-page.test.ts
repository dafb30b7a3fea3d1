/**
 * The search page shows its filters, with the index's counts, before any script runs: the build
 * writes them (writeFilterControls), and the page loads search only when a reader reaches it
 * (issue 10: its eager JavaScript within 10 KB, nothing blocking at load). The controls must be
 * exactly what the engine would show, or the page would change under the reader once it loads.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { FILTER_KEYS } from '../../src/lib/search';
import type { FilterCounts } from '../../src/lib/search-engine';
import { SEARCH_HINT } from '../../src/lib/search-filters';
import { DIST } from '../helpers/dist';
import { loadPagefind } from '../helpers/pagefind';

let totals: FilterCounts;
let document: Document;

beforeAll(async () => {
	totals = await (await loadPagefind()).filters();
	document = parseHTML(await readFile(join(DIST, 'search', 'index.html'), 'utf8')).document;
});

/** What a control offers, as `value → count` (`''` when it shows none), “any” left out. */
function offered(key: (typeof FILTER_KEYS)[number]): Record<string, string> {
	if (key === 'type') {
		const rows = [...document.querySelectorAll('[data-options="type"] label')];
		return Object.fromEntries(
			rows
					.map((row): [string, string] => [row.querySelector('input')?.getAttribute('value') ?? '', row.querySelector('.count')?.textContent ?? ''])
				.filter(([value]) => value),
		);
	}
	const options = [...document.querySelectorAll(`select[data-filter="${key}"] option`)];
	return Object.fromEntries(
		options
				.map((o): [string, string] => [o.getAttribute('value') ?? '', /\((\d+)\)$/.exec(o.textContent ?? '')?.[1] ?? ''])
			.filter(([value]) => value),
	);
}

describe('the search page as built', () => {
	it.each(FILTER_KEYS)('offers every %s the index has, with the engine’s own count', (key) => {
		const expected = Object.fromEntries(Object.entries(totals[key] ?? {}).map(([value, n]) => [value, String(n)]));
		expect(Object.keys(expected).length).toBeGreaterThan(1);
		expect(offered(key)).toEqual(expected);
	});

	it('has “All types” chosen, and says what to do rather than “Loading”', () => {
		const checked = document.querySelectorAll('[data-options="type"] input[checked]');
		expect([...checked].map((input) => input.getAttribute('value'))).toEqual(['']);
		expect(document.querySelector('[data-search-status]')?.textContent).toBe(SEARCH_HINT);
	});
});
