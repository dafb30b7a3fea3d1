import { describe, expect, it } from 'vitest';
import { citations, type CiteRecord } from '../../src/lib/cite';

const site = { name: 'The 2022 Security Talks' };
const accessed = new Date(2026, 2, 20, 15, 0); // 20 March 2026, local time
const byStyle = (rec: CiteRecord) => Object.fromEntries(citations(rec, site, accessed).map((c) => [c.style, c]));

const article: CiteRecord = {
	kind: 'article',
	title: 'Stoltenberg: no compromise on membership',
	url: 'https://example.org/articles/stoltenberg-no-compromise-on-membership/',
	published: '2022-01-12',
	approximate: false,
	publisher: null,
};

describe('citing a source article', () => {
	it('says the publisher is not recorded, in every style, and never names one', () => {
		const c = byStyle(article);
		expect(c['APA']!.text).toBe(
			'Stoltenberg: no compromise on membership. (2022, January 12). [Publisher not recorded]. Reproduced in The 2022 Security Talks. Retrieved March 20, 2026, from https://example.org/articles/stoltenberg-no-compromise-on-membership/',
		);
		expect(c['MLA']!.text).toBe(
			'“Stoltenberg: no compromise on membership.” [Publisher not recorded], 12 Jan. 2022. Reproduced in The 2022 Security Talks, example.org/articles/stoltenberg-no-compromise-on-membership/. Accessed 20 Mar. 2026.',
		);
		expect(c['Chicago']!.text).toBe(
			'“Stoltenberg: no compromise on membership.” Publisher not recorded, January 12, 2022. Reproduced in The 2022 Security Talks. Accessed March 20, 2026. https://example.org/articles/stoltenberg-no-compromise-on-membership/.',
		);
		expect(c['BibTeX']!.text).toBe(
			[
				'@misc{stoltenberg-no-compromise-on-membership-2022,',
				'  title        = {{Stoltenberg: no compromise on membership}},',
				'  year         = 2022,',
				'  month        = jan,',
				'  howpublished = {\\url{https://example.org/articles/stoltenberg-no-compromise-on-membership/}},',
				'  urldate      = {2026-03-20},',
				'  note         = {Publisher not recorded. Reproduced in The 2022 Security Talks. Accessed 2026-03-20}',
				'}',
			].join('\n'),
		);
		for (const s of Object.values(c)) expect(s.text).toMatch(/publisher not recorded/i);
	});

	it('names a recorded publisher in italics, and drops the “not recorded” wording', () => {
		const c = byStyle({ ...article, publisher: 'Ukrinform' });
		expect(c['APA']!.runs).toContainEqual({ i: 'Ukrinform' });
		expect(c['MLA']!.runs).toContainEqual({ i: 'Ukrinform' });
		expect(c['BibTeX']!.text).toContain('organization = {Ukrinform}');
		for (const s of Object.values(c)) expect(s.text).not.toMatch(/not recorded/);
	});

	it('marks a date established only roughly', () => {
		const c = byStyle({ ...article, approximate: true });
		expect(c['APA']!.text).toContain('(ca. 2022, January 12)');
		expect(c['MLA']!.text).toContain('circa 12 Jan. 2022');
		expect(c['Chicago']!.text).toContain('ca. January 12, 2022');
		expect(c['BibTeX']!.text).toContain('Date approximate, established from the text');
	});

	it('italicises what each style sets in italics, and the plain text keeps the words', () => {
		const apa = byStyle(article)['APA']!;
		expect(apa.runs).toContainEqual({ i: 'The 2022 Security Talks' });
		expect(apa.text).toBe(apa.runs.map((r) => (typeof r === 'string' ? r : r.i)).join(''));
	});

	it('escapes BibTeX specials and refuses an article without a date', () => {
		expect(byStyle({ ...article, title: 'Aid & 50% more_now' })['BibTeX']!.text).toContain(
			'{{Aid \\& 50\\% more\\_now}}',
		);
		expect(() => citations({ ...article, published: undefined }, site, accessed)).toThrow(/publication date/);
		expect(() => citations({ ...article, published: '12 January 2022' }, site, accessed)).toThrow(/ISO day/);
	});
});

describe('citing pages of this site', () => {
	it('cites an explainer as undated, with no author', () => {
		const c = byStyle({
			kind: 'explainer',
			title: 'What NATO is',
			url: 'https://example.org/explainers/what-nato-is/',
		});
		expect(c['APA']!.text).toBe(
			'What NATO is. (n.d.). The 2022 Security Talks. Retrieved March 20, 2026, from https://example.org/explainers/what-nato-is/',
		);
		expect(c['APA']!.runs[0]).toEqual({ i: 'What NATO is' });
		expect(c['MLA']!.text).toBe(
			'“What NATO is.” The 2022 Security Talks, example.org/explainers/what-nato-is/. Accessed 20 Mar. 2026.',
		);
		expect(c['Chicago']!.text).toContain('n.d. Accessed March 20, 2026.');
		expect(c['BibTeX']!.text).not.toMatch(/year|month/);
		expect(c['BibTeX']!.text).toContain('Undated');
	});

	it('does not double a title’s own question mark', () => {
		const c = byStyle({
			kind: 'explainer',
			title: 'Why did the talks fail?',
			url: 'https://example.org/explainers/x/',
		});
		expect(c['APA']!.text).toMatch(/^Why did the talks fail\? \(n\.d\.\)/);
		expect(c['MLA']!.text).toMatch(/^“Why did the talks fail\?” /);
	});

	it('cites a timeline event as a timeline entry, with the day it happened in its title', () => {
		const c = byStyle({
			kind: 'event',
			title: 'Geneva talks open',
			eventDate: '10 January 2022',
			url: 'https://example.org/timeline/#geneva-talks-open',
		});
		expect(c['APA']!.text).toBe(
			'Geneva talks open (10 January 2022) [Timeline entry]. (n.d.). The 2022 Security Talks. Retrieved March 20, 2026, from https://example.org/timeline/#geneva-talks-open',
		);
		expect(c['BibTeX']!.text).toMatch(/^@misc\{geneva-talks-open,/);
		expect(c['BibTeX']!.text).toContain('Timeline entry. Undated. Accessed 2026-03-20');
	});

	it('uses the reader’s own calendar day as the date of access', () => {
		const late = new Date(2026, 11, 31, 23, 59);
		expect(citations(article, site, late)[0]!.text).toContain('Retrieved December 31, 2026');
	});
});
