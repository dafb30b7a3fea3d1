import { describe, expect, it } from 'vitest';
import { validateEventsFile } from '../helpers/content';

const fixture = (name: string) => `tests/fixtures/events/${name}.yaml`;

describe('events file checks', () => {
	it('accepts well-formed events and works out the precision of each date', () => {
		const { problems, events } = validateEventsFile(fixture('good'));
		expect(problems).toEqual([]);
		expect(events.map((e) => [e.id, e.date, e.precision, e.when, e.status])).toEqual([
			['geneva-talks-open', '2022-01-10', 'day', 'on', 'happened'],
			['russia-annexes-crimea', '2014', 'year', 'on', 'happened'],
			['us-consults-allies-and-eu', '2022-01-11', 'day', 'on', 'scheduled'],
		]);
	});

	// Each bad file must fail naming the file, the event's position and field, what is wrong, and the fix.
	const cases: [name: string, field: string, message: RegExp, fix: RegExp][] = [
		[
			'duplicate-id',
			'events[1].id',
			/"geneva-talks-open" is already the id of events\[0\]/,
			/give each event its own id/,
		],
		[
			'missing-paragraph',
			'events[0].sources[1]',
			/article "stoltenberg-open-door-geneva-talks-begin" has no paragraph "p40" \(event "geneva-talks-open"\)/,
			/use one of p1–p12/,
		],
		[
			'unknown-article',
			'events[0].sources[0]',
			/unknown article "geneva-talks-begin"/,
			/use one of: .*stoltenberg-open-door-geneva-talks-begin/,
		],
		[
			'impossible-date',
			'events[1].date',
			/"2022-02-30" is not a real date: February 2022 has 28 days \(event "a-day-that-never-was"\)/,
			/write a real calendar date as YYYY-MM-DD/,
		],
		['end-before-start', 'events[0].end', /end \(2022-01-11\) is before date \(2022-01-12\)/, /swap date and end/],
		[
			'unknown-person',
			'events[0].people[1]',
			/no person or organisation "william-burns" in src\/content\/people\.yaml/,
			/add the person to people\.yaml \(only if a source names them\)/,
		],
		['undated-without-basis', 'events[0].dateBasis', /say how it was established/, /add dateBasis/],
		['undated-without-basis', 'events[1].end', /`when: between` needs an end/, /add end/],
		['unknown-track', 'events[0].track', /a track from src\/lib\/tracks\.ts \(diplomacy,/, /correct the field/],
		['unknown-track', 'events[0]', /unknown field "venue"/, /correct the field/],
		['unknown-track', 'events[0].sources', /cite at least one paragraph/, /correct the field/],
	];

	it.each(cases)('%s fails on %s', (name, field, message, fix) => {
		const { problems, message: text } = validateEventsFile(fixture(name));
		const problem = problems.find((p) => p.field === field);
		expect(problem, `no problem reported on ${field}; got ${text}`).toBeDefined();
		expect(problem?.file).toBe(`tests/fixtures/events/${name}.yaml`);
		expect(problem?.message).toMatch(message);
		expect(problem?.fix).toMatch(fix);
		expect(text).toContain(`tests/fixtures/events/${name}.yaml → ${field}: `);
	});

	it('reports every problem at once rather than stopping at the first', () => {
		const { problems } = validateEventsFile(fixture('unknown-track'));
		expect(problems.length).toBeGreaterThanOrEqual(3);
	});
});
