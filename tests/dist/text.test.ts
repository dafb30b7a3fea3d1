/** Text as readers see it on every built page: no words glued to a link or code (src/lib/glued-text.ts). */
import { describe, expect, it } from 'vitest';
import { findGluedText } from '../../src/lib/glued-text';
import { distPages } from '../helpers/dist';

const pages = distPages();

describe('visible text', () => {
	it.each(pages.map((p) => [p.path, p] as const))('%s has no word glued to a link or code', (_, page) => {
		expect(findGluedText(page.html).map((g) => g.excerpt)).toEqual([]);
	});
});
