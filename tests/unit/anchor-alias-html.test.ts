import { describe, expect, it } from 'vitest';
import { insertAliases } from '../../src/lib/anchor-alias-html';

describe('insertAliases', () => {
	const html = '<main><h2 id="geneva">Geneva</h2><div class="para"><p id="geneva-4" class="x">New</p></div></main>';

	it('puts an empty element with the old id first inside the element it now lands on', () => {
		const { text, missing } = insertAliases(html, [['geneva-1', 'geneva-4']]);
		expect(missing).toEqual([]);
		expect(text).toContain('<p id="geneva-4" class="x"><span id="geneva-1" class="anchor-alias"></span>New</p>');
	});

	it('matches the whole id, reports a target that is not there, and does not insert twice', () => {
		const { text, missing } = insertAliases(html, [
			['old', 'geneva-'],
			['older', 'geneva'],
		]);
		expect(missing).toEqual([['old', 'geneva-']]);
		expect(insertAliases(text, [['older', 'geneva']]).text).toBe(text);
	});
});
