import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
	correctionsFor,
	correctionsHref,
	groupByPage,
	pageGroupId,
	checkCorrections,
	type CorrectionEntry,
} from '../../src/lib/corrections';
import { correctionSchema } from '../../src/schemas/corrections';

const entry = (id: string, page: string, date = '2026-12-01'): CorrectionEntry => ({
	id,
	page,
	date: new Date(`${date}T00:00:00Z`),
	anchor: 'p1',
	kind: 'wording',
	change: 'It said one thing; it now says another.',
	reason: 'The cited paragraph says the other.',
});

describe('the corrections log, as pages use it', () => {
	it('gives each page a group anchor and a link to it', () => {
		expect(pageGroupId('/articles/some-article/')).toBe('for-articles-some-article');
		expect(pageGroupId('/timeline/')).toBe('for-timeline');
		expect(correctionsHref('/people/osce/')).toBe('/corrections/#for-people-osce');
	});

	it('lists a page’s corrections newest first, keeping file order within a day', () => {
		const log = [
			entry('a', '/timeline/', '2026-12-01'),
			entry('b', '/timeline/', '2027-01-05'),
			entry('c', '/timeline/', '2026-12-01'),
			entry('d', '/people/x/'),
		];
		expect(correctionsFor(log, '/timeline/').map((c) => c.id)).toEqual(['b', 'a', 'c']);
		expect(correctionsFor(log, '/people/y/')).toEqual([]);
	});

	it('groups by page in the site’s order, leaving out pages without corrections', () => {
		const titles = new Map([
			['/explainers/one/', 'One'],
			['/articles/two/', 'Two'],
			['/timeline/', 'Timeline'],
		]);
		const groups = groupByPage([entry('x', '/timeline/'), entry('y', '/explainers/one/')], titles);
		expect(groups.map((g) => [g.id, g.title, g.entries.map((e) => e.id)])).toEqual([
			['for-explainers-one', 'One', ['y']],
			['for-timeline', 'Timeline', ['x']],
		]);
	});
});

describe('checkCorrections', () => {
	const raw = (id: string, page: string, anchor = 'p1') => ({
		id,
		date: '2026-12-01',
		page,
		anchor,
		kind: 'wording',
		change: 'It said one thing; it now says another.',
		reason: 'The cited paragraph says the other.',
	});
	const pages = new Map([
		['/timeline/', new Set(['geneva-talks-open'])],
		['/articles/a/', new Set(['title', 'p1', 'p2', 'p2-note-1'])],
	]);
	const check = (entries: unknown, withPages = true) =>
		checkCorrections(entries, {
			file: 'log.yaml',
			parse: (i) => correctionSchema.safeParse(i),
			lineOf: (path) => 10 + Number(path[0] ?? 0),
			pages: withPages ? pages : undefined,
		});

	it('keeps valid entries in the order of the file; an empty file is an empty log', () => {
		const { problems, corrections } = check([
			raw('b', '/articles/a/', 'p2-note-1'),
			raw('a', '/timeline/', 'geneva-talks-open'),
		]);
		expect(problems).toEqual([]);
		expect(corrections.map((c) => c.id)).toEqual(['b', 'a']);
		expect(check(null)).toEqual({ problems: [], corrections: [] });
	});

	it('reports a page the site does not have, an anchor the page lacks, and a repeated id, each with its line and fix', () => {
		const { problems, corrections } = check([
			raw('x', '/explainers/gone/'),
			raw('y', '/articles/a/', 'p9'),
			raw('z', '/articles/a/', 'p1'),
			raw('z', '/timeline/', 'geneva-talks-open'),
		]);
		expect(corrections.map((c) => c.id)).toEqual(['z']);
		expect(problems.map((p) => [p.file, p.line, p.field])).toEqual([
			['log.yaml', 10, 'corrections[0].page'],
			['log.yaml', 11, 'corrections[1].anchor'],
			['log.yaml', 13, 'corrections[3].id'],
		]);
		const [page, anchor, id] = problems;
		expect(page?.message).toBe('no page "/explainers/gone/" on the site');
		expect(page?.fix).toMatch(/^use the path of an explainer.*\/timeline\//);
		expect(anchor?.message).toBe('/articles/a/ has no paragraph, note, event or heading with the id "p9"');
		expect(anchor?.fix).toMatch(/p1, p2, p2-note-1\?$/);
		expect(id?.message).toMatch(/^"z" is already the id of corrections\[2\]/);
	});

	it('reports schema mistakes by field; without pages (other content broken) it checks no page or anchor', () => {
		const { problems } = check([{ ...raw('x', '/timeline/'), kind: 'typo' }]);
		expect(problems).toEqual([expect.objectContaining({ field: 'corrections[0].kind', line: 10 })]);
		expect(check([raw('x', '/explainers/gone/')], false).problems).toEqual([]);
		expect(check({ id: 'x' }).problems).toEqual([
			expect.objectContaining({ field: 'corrections', message: 'the file must be a YAML list of corrections' }),
		]);
	});
});

describe('the corrections schema', () => {
	const valid = {
		id: 'x-y',
		date: '2026-12-01',
		page: '/timeline/',
		anchor: 'osce-permanent-council-vienna',
		kind: 'wording',
		change: 'It said one thing; now another.',
		reason: 'The sources only schedule it.',
	};
	it('accepts a complete entry', () => {
		expect(correctionSchema.safeParse(valid).success).toBe(true);
	});
	it.each([
		[{ page: '/timeline' }, 'page'],
		[{ page: 'https://example.org/timeline/' }, 'page'],
		[{ anchor: '#p3' }, 'anchor'],
		[{ kind: 'typo' }, 'kind'],
		[{ date: '1 December 2026' }, 'date'],
		[{ reason: 'because' }, 'reason'],
		[{ id: '2026-12-x' }, 'id'],
		[{ extra: 1 }, ''],
	])('refuses %o', (change, path) => {
		const result = correctionSchema.safeParse({ ...valid, ...change });
		expect(result.success).toBe(false);
		expect(result.error?.issues[0]?.path.join('.')).toBe(path);
	});
});

describe('src/content/corrections.yaml', () => {
	const log = parseYaml(readFileSync('src/content/corrections.yaml', 'utf8')) as Record<string, unknown>[];
	it('is valid, with unique permanent ids', () => {
		const problems = log.flatMap((e) => {
			const r = correctionSchema.safeParse(e);
			return r.success
				? []
				: [`${String(e.id)}: ${r.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`];
		});
		expect(problems).toEqual([]);
		const ids = log.map((e) => e.id);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('records the corrections of issue 12, including its four named examples', () => {
		const anchors = log.map((e) => `${String(e.page)}#${String(e.anchor)}`);
		expect(anchors).toEqual(
			expect.arrayContaining([
				'/explainers/negotiation-rounds/#brussels-10-january-nato-and-ukraine-1', // "Afterwards" → before the commission
				'/articles/stoltenberg-no-compromise-on-membership/#p6-note-1', // the Normandy note
				'/explainers/russias-demands/#what-moscow-asked-for-6', // "NATO had no forces stationed in Ukraine"
				'/explainers/negotiation-rounds/#vienna-13-january-the-osce-1', // the OSCE meeting only scheduled
				'/explainers/what-nato-is/#why-the-door-matters-in-this-story-4', // "What Russia asked for in full"
			]),
		);
	});
});
