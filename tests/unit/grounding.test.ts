import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
	checkGrounding,
	groundingProblems,
	groundingSummary,
	paragraphDates,
	type Claim,
	type GroundingArticle,
	type GroundingInput,
} from '../../src/lib/grounding';
import { eventClaims, explainerClaims } from '../../src/lib/grounding-claims';
import { parseMdx } from '../../src/lib/mdx';
import { parseYaml as parseYamlText } from '../../src/model/source';
import { findDates, findNames, findNumbers, splitSentences } from '../../src/lib/grounding-terms';
import { groundingFileSchema } from '../../src/schemas/grounding';

describe('reading terms out of a sentence', () => {
	it('finds dates in the forms our prose and the sources use, ranges included', () => {
		const { dates, rest } = findDates(
			'On Monday 10 January 2022, and from 11 to 13 January, and on Feb. 24; mid-March 2022; in 2014.',
		);
		expect(dates.map((d) => ({ day: d.day, month: d.month, year: d.year, weekday: d.weekday }))).toEqual([
			{ day: 11, month: 1 },
			{ day: 13, month: 1 },
			{ day: 10, month: 1, year: 2022, weekday: 1 },
			{ day: 24, month: 2 },
			{ month: 3, year: 2022 },
			{ year: 2014 },
		]);
		expect(rest).not.toMatch(/\d/);
		expect(findDates('January 11-12', { expandRanges: true }).dates.map((d) => d.day)).toEqual([11, 12]);
		expect(findDates('from 10 to 13 January', { expandRanges: true }).dates.map((d) => d.day)).toEqual([
			10, 11, 12, 13,
		]);
		// "May" alone is the verb far more often than the month.
		expect(findDates('Ukraine may not join; it May not').dates).toEqual([]);
	});

	it('reads numbers in digits and words, with their scale', () => {
		expect(
			findNumbers('$13.6 billion, more than 14,000, two rounds, five or 10 years, one source').map((n) => n.value),
		).toEqual([13.6e9, 14000, 2, 5, 10]);
		expect(findNumbers('about three million people').map((n) => n.value)).toEqual([3e6]);
	});

	it('takes capitalised words as names, but not an ordinary word opening the sentence', () => {
		expect(findNames('Russia’s deputy foreign minister met the U.S. delegation at the NATO–Russia Council.')).toEqual([
			'Russia',
			'U.S.',
			'NATO',
			'Russia',
			'Council',
		]);
		expect(findNames('Both agree. Neither side spoke of non-NATO models on Monday in January.')).toEqual(['NATO']);
		expect(findNames('Speaking to the Joint Expeditionary Force')).toEqual(['Joint', 'Expeditionary', 'Force']);
		// An opener that is written in lower case elsewhere is an ordinary word.
		expect(findNames('Delegations met', (w) => w === 'delegations')).toEqual([]);
		expect(findNames('Stoltenberg said', (w) => w === 'delegations')).toEqual(['Stoltenberg']);
	});

	it('splits sentences, keeping quotations and abbreviations whole', () => {
		expect(
			splitSentences('He said: “We have heard. It is true.” Then the U.S. delegation left. Mr Biden signed it.').map(
				(s) => s.text,
			),
		).toEqual(['He said: “We have heard. It is true.”', 'Then the U.S. delegation left.', 'Mr Biden signed it.']);
	});
});

describe('dates a source paragraph gives', () => {
	const jan10 = { published: '2022-01-10' };
	it('puts a day without a year in the year nearest the article', () => {
		expect(paragraphDates('It was on December 17 that the ministry released a draft.', jan10)).toContainEqual({
			year: 2021,
			month: 12,
			day: 17,
		});
		expect(paragraphDates('Russian envoys will meet in Brussels on January 12.', jan10)).toContainEqual({
			year: 2022,
			month: 1,
			day: 12,
		});
	});

	it('resolves weekdays back from the article’s date, and forward when the paragraph looks ahead', () => {
		expect(paragraphDates('An official said Saturday evening that…', jan10)).toEqual([
			{ year: 2022, month: 1, day: 8 },
		]);
		expect(paragraphDates('in Brussels today (Monday)', jan10)).toContainEqual({ year: 2022, month: 1, day: 10 });
		const mar6 = { published: '2022-03-06' };
		expect(paragraphDates('The next round of talks is due on Monday.', mar6)).toEqual([
			{ year: 2022, month: 2, day: 28 },
			{ year: 2022, month: 3, day: 7 },
		]);
		expect(paragraphDates('On Monday, they talked.', mar6)).toEqual([{ year: 2022, month: 2, day: 28 }]);
	});
});

const article = (
	published: string,
	paragraphs: Record<string, string>,
	extra: Partial<GroundingArticle> = {},
): GroundingArticle => ({
	published,
	approximate: false,
	paragraphs: new Map(Object.entries(paragraphs)),
	notes: [],
	...extra,
});

const articles = new Map<string, GroundingArticle>([
	[
		'talks',
		article(
			'2022-01-10',
			{
				p1: 'NATO Secretary-General Jens Stoltenberg told a joint news conference with Ukrainian Foreign Minister Dmitry Kulba ahead of a NATO-Ukraine meeting in Brussels today (Monday).',
				p2: 'It was on December 17 that the Russian Foreign Ministry released a draft of security agreements.',
				p3: 'The NATO–Russia Council had a serious exchange.',
				p4: '— Jens Stoltenberg (@jensstoltenberg) January 12, 2022',
				p5: 'The U.S. says 30 allies met for two hours.',
				p6: 'The decision of the Budapest summit.',
			},
			{ notes: [{ paragraph: 'p6', text: 'The decision was taken at NATO’s Bucharest summit of April 2008.' }] },
		),
	],
]);

const glossary = [
	{ id: 'dmytro-kuleba', names: ['Dmytro Kuleba', 'Dmitry Kulba'], role: 'Foreign Minister of Ukraine' },
	{ id: 'wendy-sherman', names: ['Wendy Sherman', 'Sherman'], role: 'Deputy Secretary of State of the United States' },
];

const claim = (text: string, p: string | string[], extra: Partial<Claim> = {}): Claim => ({
	file: 'src/content/explainers/x.mdx',
	line: 7,
	field: 'body',
	text,
	sources: [p].flat().map((id) => ({ article: 'talks', p: id })),
	context: [],
	...extra,
});

const check = (claims: Claim[], extra: Partial<GroundingInput> = {}) =>
	checkGrounding({ claims, articles, glossary, ...extra });
const failed = (claims: Claim[], extra: Partial<GroundingInput> = {}) =>
	check(claims, extra).failures.map((f) => `${f.kind}:${f.term}${f.detail ? ` (${f.detail})` : ''}`);

describe('the grounding check', () => {
	it('passes a sentence whose dates, numbers and names stand in what it cites', () => {
		expect(failed([claim('On 17 December 2021 the Russian Foreign Ministry released drafts.', 'p2')])).toEqual([]);
		expect(failed([claim('On Monday 10 January, Jens Stoltenberg spoke in Brussels.', 'p1')])).toEqual([]);
	});

	it('fails a date, a number or a name that is not there', () => {
		expect(failed([claim('On 18 December 2021 the Russian Foreign Ministry released drafts.', 'p2')])).toEqual([
			'date:18 December 2021',
		]);
		expect(failed([claim('The United States says 31 allies met for three hours.', 'p5')])).toEqual([
			'number:31',
			'number:three',
			'name:United',
			'name:States',
		]);
		expect(failed([claim('Stoltenberg said the drafts came out on 17 December.', 'p2')])).toEqual(['name:Stoltenberg']);
	});

	it('checks a weekday the sentence adds against the calendar', () => {
		expect(failed([claim('On Tuesday 10 January, Stoltenberg spoke.', 'p1')])).toEqual([
			'weekday:Tuesday 10 January (that day was a Monday)',
		]);
	});

	it('reads a post and its attribution line as one quotation', () => {
		expect(failed([claim('On 12 January Stoltenberg wrote of “a serious exchange”.', 'p3')])).toEqual([]);
	});

	it('bridges spellings through the glossary, only for people the cited paragraph names', () => {
		expect(failed([claim('Stoltenberg spoke beside Dmytro Kuleba, the Foreign Minister.', 'p1')])).toEqual([]);
		expect(failed([claim('Wendy Sherman released the drafts.', 'p2')])).toEqual(['name:Wendy', 'name:Sherman']);
	});

	it('accepts equivalent forms listed with a reason, and context notes', () => {
		const equivalences = [{ terms: ['United States', 'U.S.', 'US'], reason: 'the same country' }];
		expect(failed([claim('The United States says 30 allies met for two hours.', 'p5')], { equivalences })).toEqual([]);
		expect(
			failed([
				claim('NATO met in Bucharest in April 2008.', 'p3', {
					context: ['Bucharest Summit Declaration, 3 April 2008'],
				}),
			]),
		).toEqual([]);
	});

	it('lets a correction restate the editor’s note on the paragraph it corrects, and nothing else does', () => {
		const text = 'The decision was taken at the Bucharest summit of April 2008.';
		expect(failed([claim(text, 'p6', { withNotes: true })])).toEqual([]);
		expect(failed([claim(text, 'p6')])).toEqual(['date:April 2008', 'name:Bucharest']);
	});

	it('wants quotations word for word', () => {
		expect(failed([claim('The council had “a serious exchange”.', 'p3')])).toEqual([]);
		expect(failed([claim('The council had “a frank exchange”.', 'p3')])).toEqual(['quotation:“a frank exchange”']);
	});

	it('accepts a failure only through a matching exception, and reports exceptions that match nothing', () => {
		const exception = {
			file: 'src/content/explainers/x.mdx',
			sentence: 'two sets of talks',
			term: 'two',
			reason: 'our own division of the story',
		};
		const stale = { ...exception, sentence: 'a sentence long gone' };
		const report = check([claim('There were two sets of talks in January 2022.', 'p3')], {
			exceptions: [exception, stale],
		});
		expect(report.failures).toEqual([]);
		expect(report.accepted.map((a) => a.failure.term)).toEqual(['two']);
		expect(report.unusedExceptions).toEqual([stale]);
		expect(groundingProblems(report, { articles }, 'src/content/grounding.yaml')).toEqual([
			{
				file: 'src/content/grounding.yaml',
				field: 'exception for “two” in src/content/explainers/x.mdx',
				message: 'no sentence containing “a sentence long gone” has this ungrounded term any more',
				fix: 'remove the exception: the sentence changed or is now grounded',
			},
		]);
	});

	it('names the file, line, term and the paragraph checked against', () => {
		const report = check([claim('On 18 December 2021 the ministry released drafts.', 'p2')]);
		const [problem] = groundingProblems(report, { articles }, 'src/content/grounding.yaml');
		expect(problem?.file).toBe('src/content/explainers/x.mdx');
		expect(problem?.field).toBe('body, line 7');
		expect(problem?.message).toContain(
			'the date 18 December 2021 in “On 18 December 2021 the ministry released drafts.”',
		);
		expect(problem?.message).toContain('talks p2: “It was on December 17 that the Russian Foreign Ministry');
		expect(groundingSummary(report)).toBe(
			'1 cited sentence checked (1 date, number, name or quotation); 0 reviewed exceptions; 1 unreviewed failure',
		);
	});
});

describe('the sentences the check reads from content', () => {
	it('gives each explainer sentence the citations that follow it, shared by uncited neighbours', () => {
		const body = [
			'Intro.',
			'',
			'First claim. Second claim. <Cite article="a" p="p1" /> Third claim. <Cite article="a" p="p2" /> <Cite article="b" p="p3" /> Coda.',
			'',
			'<ContextNote reference="A treaty, 1 May 2000">',
			'',
			'Context text.',
			'',
			'</ContextNote>',
			'',
			'<Correction article="a" p="p4">',
			'',
			'It says one thing. It is another.',
			'',
			'</Correction>',
		].join('\n');
		const claims = explainerClaims('x.mdx', parseMdx(body), 4);
		expect(claims.map((c) => [c.line, c.text, c.sources.map((s) => s.p).join(','), c.withNotes])).toEqual([
			[5, 'Intro.', '', false],
			[7, 'First claim.', 'p1', false],
			[7, 'Second claim.', 'p1', false],
			[7, 'Third claim.', 'p2,p3', false],
			[7, 'Coda.', 'p2,p3', false],
			[17, 'It says one thing.', 'p4', true],
			[17, 'It is another.', 'p4', true],
		]);
		expect(claims[0]?.context).toEqual(['A treaty, 1 May 2000', 'Context text.']);
	});

	it('reads event titles, summaries and disagreements with their lines and context', () => {
		const yaml = [
			'- id: one',
			'  title: NATO meets',
			'  summary: It meets. It ends.',
			'  sources: [{ article: a, p: p1 }]',
			'  context:',
			'    text: Some context here.',
			'    reference: { title: A declaration, date: 2008-04-03 }',
		].join('\n');
		const claims = eventClaims('events.yaml', parseYamlText('events.yaml', yaml, 1, 'events'));
		expect(claims.map((c) => [c.field, c.line, c.text])).toEqual([
			['events[0].title', 2, 'NATO meets'],
			['events[0].summary', 3, 'It meets.'],
			['events[0].summary', 3, 'It ends.'],
		]);
		expect(claims[0]?.context).toEqual(['Some context here.', 'A declaration', '3 April 2008']);
	});
});

describe('src/content/grounding.yaml', () => {
	it('wants a reason for every equivalence, and a reason and a reviewer for every exception', () => {
		const exception = {
			file: 'x.mdx',
			sentence: 'Three ideas recur.',
			term: 'Three',
			reason: 'Our own count of what follows.',
		};
		expect(
			groundingFileSchema.safeParse({ exceptions: [{ ...exception, reviewed: 'trust, 2026-12-01' }] }).success,
		).toBe(true);
		const unreviewed = groundingFileSchema.safeParse({ exceptions: [exception] });
		expect(unreviewed.error?.issues[0]?.path).toEqual(['exceptions', 0, 'reviewed']);
		const unexplained = groundingFileSchema.safeParse({ equivalences: [{ terms: ['US', 'U.S.'] }] });
		expect(unexplained.error?.issues[0]?.path).toEqual(['equivalences', 0, 'reason']);
	});

	it('is valid as committed', () => {
		const parsed = groundingFileSchema.safeParse(parseYaml(readFileSync('src/content/grounding.yaml', 'utf8')));
		expect(parsed.error?.issues ?? []).toEqual([]);
	});
});
