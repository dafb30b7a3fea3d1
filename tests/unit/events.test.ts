import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeDate, groupByDate, inPeriod } from '../../src/lib/events';
import { TRACK_IDS } from '../../src/lib/tracks';
import { articleIndex, validateEventsFile } from '../helpers/content';

const { problems, events } = validateEventsFile('src/content/events.yaml');
const index = articleIndex();
const cited = (refs: readonly { article: string; p: string }[]) =>
	refs.map((r) => index.get(r.article)?.paragraphs.get(r.p) ?? '').join('\n');

/** Phrases our own text puts in quotation marks: “…” always, ‘…’ when it opens after a space. */
function quotations(text: string): string[] {
	return [...text.matchAll(/“([^”]+)”|(?:^|[\s(])‘([^’]+)’(?![\p{L}])/gu)].map((m) => (m[1] ?? m[2] ?? '').trim());
}

describe('the events of src/content/events.yaml', () => {
	it('pass every build check', () => {
		expect(problems).toEqual([]);
	});

	it('cover the story with 25–40 events, in every track', () => {
		expect(events.length).toBeGreaterThanOrEqual(25);
		expect(events.length).toBeLessThanOrEqual(40);
		expect(new Set(events.map((e) => e.track))).toEqual(new Set(TRACK_IDS));
	});

	it('keep their ids, which are permalinks (/timeline/#id)', () => {
		expect(events.map((e) => e.id).sort()).toMatchSnapshot();
	});

	it('quote only words that stand, exactly, in the paragraphs they cite', () => {
		const misquoted: string[] = [];
		for (const e of events) {
			const own = [
				e.title,
				e.label ?? '',
				e.summary,
				e.dateBasis ?? '',
				e.context?.text ?? '',
				e.disagreement?.text ?? '',
			];
			const text = cited([...e.sources, ...(e.disagreement?.sources ?? [])]);
			for (const q of own.flatMap(quotations)) if (!text.includes(q)) misquoted.push(`${e.id}: “${q}”`);
		}
		expect(misquoted).toEqual([]);
	});

	it('end where the sources end, in mid-March 2022', () => {
		const latest = events
			.map((e) => e.end ?? e.date)
			.sort()
			.at(-1);
		// The last source is of 16 March 2022: it reports Lavrov's interview of that day (corrections log, 1 December 2026).
		expect(latest).toBe('2022-03-16');
	});

	it('say how every date the sources do not state outright was established', () => {
		const unexplained = events.filter((e) => (e.when !== 'on' || e.approximate) && !e.dateBasis).map((e) => e.id);
		expect(unexplained).toEqual([]);
	});

	it('mark context from outside the sources with a dated reference', () => {
		const summit = events.find((e) => e.id === 'nato-summit-decision-on-ukraine');
		expect(summit?.context?.reference).toEqual({ title: 'Bucharest Summit Declaration', date: '2008-04-03' });
		expect(summit?.context?.text).toContain('“Budapest summit”');
	});

	it('say where the sources disagree, citing both sides', () => {
		const conference = events.find((e) => e.id === 'stoltenberg-no-compromise');
		expect(conference?.disagreement?.sources).toEqual([
			{ article: 'stoltenberg-no-compromise-on-membership', p: 'p2' },
			{ article: 'stoltenberg-open-door-geneva-talks-begin', p: 'p1' },
		]);
	});

	it('resolve weekdays to the dates the article evidence gives', () => {
		const on = (id: string) => events.find((e) => e.id === id)?.date;
		expect(on('us-official-on-troop-limits')).toBe('2022-01-08'); // “Saturday evening” before Monday 10 January
		expect(on('blinken-no-talks-on-membership')).toBe('2022-01-09'); // “Sunday evening”
		expect(on('humanitarian-corridors-agreed')).toBe('2022-03-03'); // “On Thursday”, article of 5–6 March
		expect(on('arakhamia-non-nato-models')).toBe('2022-03-05'); // “late on Saturday”
		expect(on('next-round-due')).toBe('2022-03-07'); // “due on Monday”
		expect(on('zelenskyy-may-not-join-nato')).toBe('2022-03-15'); // “on Tuesday”
		for (const [date, weekday] of [
			['2022-01-08', 6],
			['2022-01-09', 0],
			['2022-03-03', 4],
			['2022-03-05', 6],
			['2022-03-07', 1],
			['2022-03-15', 2],
		] as const)
			expect(new Date(`${date}T00:00:00Z`).getUTCDay()).toBe(weekday);
	});
});

describe('event dates in prose', () => {
	const base = { when: 'on', approximate: false } as const;
	it('says each kind of date plainly', () => {
		expect(describeDate({ ...base, date: '2022-01-10' })).toBe('10 January 2022');
		expect(describeDate({ ...base, date: '2022-01-11', end: '2022-01-12' })).toBe('11–12 January 2022');
		expect(describeDate({ ...base, date: '2014' })).toBe('2014');
		expect(describeDate({ ...base, date: '2008-04' })).toBe('April 2008');
		expect(describeDate({ ...base, date: '2022-01-12', approximate: true })).toBe('About 12 January 2022');
		expect(describeDate({ ...base, when: 'between', date: '2022-02-24', end: '2022-03-06' })).toBe(
			'Between 24 February and 6 March 2022',
		);
		expect(describeDate({ ...base, when: 'reported', date: '2022-03-15', approximate: true })).toBe(
			'Reported about 15 March 2022',
		);
	});

	it('groups the list by day, and gives windows a group of their own after the day they open', () => {
		const groups = groupByDate(inPeriod(events, 'invasion-and-talks'));
		expect(groups.slice(0, 4).map((g) => g.heading)).toEqual([
			'24 February 2022',
			'Between 24 February and 6 March 2022',
			'Between 24 February and 16 March 2022',
			'3 March 2022',
		]);
		expect(groups[0]?.events.map((e) => e.id)).toEqual(['russia-invades-ukraine']);
	});
});

it('the events file is valid YAML written for people (comments explain it)', () => {
	expect(readFileSync('src/content/events.yaml', 'utf8')).toMatch(/^# Every dated event/);
});
