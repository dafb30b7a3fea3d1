/**
 * The search page's filter controls: the rows the build writes into /search/ and the page's script
 * keeps (src/lib/search-filters.ts), and the build step that writes them (writeFilterControls).
 */
import { describe, expect, it } from 'vitest';
import { writeFilterControls } from '../../src/integrations/pagefind';
import { filterControlHtml, filterRows, filterTotals, optionText } from '../../src/lib/search-filters';

const totals = {
	type: { event: 40, article: 5, person: 12 },
	source: { 'zz-unlabelled': 1, 'geneva-talks': 9 },
	month: { '2022-02': 3, '2022-01': 7 },
};
const labels = { source: { 'geneva-talks': '10 Jan: Geneva talks' } };

describe('filterTotals', () => {
	it('counts each entry once per distinct value, as Pagefind’s filters() does', () => {
		expect(
			filterTotals([
				{ type: ['article'], person: ['a', 'a', 'b'] },
				{ type: ['event'], person: ['b'] },
				{ type: ['event'] },
			]),
		).toEqual({ type: { article: 1, event: 2 }, person: { a: 1, b: 2 } });
	});
});

describe('filterRows', () => {
	it('puts “any” first, types in their fixed order, months by date, labelled ids before unlabelled ones', () => {
		expect(filterRows('type', { totals, labels }).map((r) => [r.value, r.label, r.count])).toEqual([
			['', 'All types', ''],
			['article', 'Source articles', '5'],
			['event', 'Timeline events', '40'],
			['person', 'People and organisations', '12'],
		]);
		expect(filterRows('month', { totals, labels }).map((r) => r.label)).toEqual([
			'Any month',
			'January 2022',
			'February 2022',
		]);
		expect(filterRows('source', { totals, labels }).map((r) => r.label)).toEqual([
			'Any article',
			'10 Jan: Geneva talks',
			'Zz unlabelled',
		]);
	});

	it('offers no value the index lacks, even a labelled one', () => {
		const rows = filterRows('source', { totals, labels: { source: { ...labels.source, gone: 'Gone' } } });
		expect(rows.map((r) => r.value)).not.toContain('gone');
	});

	it('shows no number for the alternatives to a chosen value, or when counts are not exact', () => {
		const available = { type: { article: 2, event: 3 } };
		expect(filterRows('type', { totals, labels, chosen: 'event', available }).map((r) => r.count)).toEqual([
			'',
			'',
			'3',
			'',
		]);
		expect(filterRows('type', { totals, labels, available, exact: false }).every((r) => r.count === '')).toBe(true);
		// A value the current search leaves nothing of says 0, not nothing.
		expect(filterRows('type', { totals, labels, available }).find((r) => r.value === 'person')?.count).toBe('0');
	});

	it('writes a drop-down option as its label and count', () => {
		expect(optionText({ value: 'x', label: 'Jens Stoltenberg', count: '12' })).toBe('Jens Stoltenberg (12)');
		expect(optionText({ value: '', label: 'Anyone', count: '' })).toBe('Anyone');
	});
});

describe('filterControlHtml', () => {
	it('writes radios with “any” checked, and options, escaping names', () => {
		const rows = filterRows('type', { totals, labels });
		const radios = filterControlHtml('type', rows);
		expect(radios.match(/<label /g)).toHaveLength(4);
		expect(radios).toContain(
			'<label data-value=""><input type="radio" name="type" value="" checked><span>All types</span><span class="count"></span></label>',
		);
		expect(radios).toContain('value="article"><span>Source articles</span><span class="count">5</span>');
		expect(radios.match(/checked/g)).toHaveLength(1);
		const options = filterControlHtml('person', [
			{ value: '', label: 'Anyone', count: '' },
			{ value: 'x', label: 'A <b> & "C"', count: '2' },
		]);
		expect(options).toBe(
			'<option value="">Anyone</option><option value="x">A &lt;b&gt; &amp; &quot;C&quot; (2)</option>',
		);
	});
});

describe('writeFilterControls', () => {
	const page = (labelsJson = JSON.stringify(labels)) =>
		`<form><div class="x" data-options="type"></div>` +
		`<select id="filter-source" name="source" data-filter="source" class="x"><option value="" class="x">Any article</option></select>` +
		`<select name="person" data-filter="person"><option value="">Anyone</option></select>` +
		`<select name="month" data-filter="month"></select></form>` +
		`<script type="application/json" id="search-labels">${labelsJson}</script>`;

	it('fills every control with the index’s values and counts, names from the page', () => {
		const html = writeFilterControls(page(), totals);
		expect(html).toContain('<div class="x" data-options="type"><label data-value="">');
		expect(html).toContain(
			'data-filter="source" class="x"><option value="">Any article</option><option value="geneva-talks">10 Jan: Geneva talks (9)</option>',
		);
		expect(html).toContain(
			'data-filter="month"><option value="">Any month</option><option value="2022-01">January 2022 (7)</option>',
		);
		// The person filter has no values in these totals: “Anyone” alone.
		expect(html).toContain('data-filter="person"><option value="">Anyone</option></select>');
	});

	it('stops the build, naming the page and the control, when the page changed shape', () => {
		expect(() => writeFilterControls(page().replace('data-filter="month"', 'data-filter="when"'), totals)).toThrow(
			/search\/index\.html \(src\/pages\/search\.astro\) must have one empty control for the month filter.*found 0/,
		);
		expect(() => writeFilterControls(page().replace(/<script[\s\S]*<\/script>/, ''), totals)).toThrow(
			/has no <script id="search-labels">/,
		);
	});
});
