import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { EventData } from '../../src/lib/events';
import { layoutTimeline, zoomLayout } from '../../src/lib/timeline-layout';
import { drawTimeline } from '../../src/lib/timeline-svg';
import { drawVertical } from '../../src/lib/timeline-svg-vertical';
import { layoutVertical, openVertical } from '../../src/lib/timeline-vertical';

/** A small, fixed set of events covering every kind of mark: the snapshot must not move when content does. */
const EVENTS: EventData[] = [
	{
		id: 'treaty',
		date: '1949-04-04',
		when: 'on',
		approximate: false,
		title: 'A treaty is signed',
		track: 'background',
		status: 'happened',
	},
	{
		id: 'annexed',
		date: '2014',
		when: 'on',
		approximate: false,
		title: 'A year-long window',
		track: 'background',
		status: 'happened',
	},
	{
		id: 'talks',
		date: '2022-01-10',
		when: 'on',
		approximate: false,
		title: 'Talks open',
		track: 'diplomacy',
		status: 'happened',
	},
	{
		id: 'consult',
		date: '2022-01-11',
		end: '2022-01-12',
		when: 'on',
		approximate: false,
		title: 'Two days of consultations',
		label: 'Consultations',
		track: 'diplomacy',
		status: 'scheduled',
	},
	{
		id: 'remarks',
		date: '2022-01-10',
		when: 'reported',
		approximate: false,
		title: 'Earlier remarks, reported',
		label: 'Remarks',
		track: 'statements',
		status: 'happened',
	},
	{
		id: 'rounds',
		date: '2022-02-24',
		end: '2022-03-06',
		when: 'between',
		approximate: false,
		title: 'Two rounds at some point',
		label: 'Two rounds',
		track: 'diplomacy',
		status: 'happened',
	},
	{
		id: 'invasion',
		date: '2022-02-24',
		when: 'on',
		approximate: false,
		title: 'Invasion',
		track: 'military',
		status: 'happened',
	},
];

function render(events: EventData[], zoom?: { k: number; x: number }) {
	const { document } = parseHTML(
		'<!doctype html><html><body><svg xmlns="http://www.w3.org/2000/svg"></svg></body></html>',
	);
	const svg = document.querySelector('svg') as unknown as SVGSVGElement;
	const base = layoutTimeline(events, { tracks: ['diplomacy', 'statements', 'military', 'background'] });
	const names = Object.fromEntries(events.map((e) => [e.id, `${e.label ?? e.title}, named`]));
	const hrefs = Object.fromEntries(events.map((e) => [e.id, `#${e.id}`]));
	const draw = (t = { k: 1, x: 0 }) =>
		drawTimeline(svg, zoomLayout(base, t), { uid: 'snap', names, hrefs, base, transform: t });
	draw(zoom);
	return { svg, draw, base };
}

/** One element per line, numbers rounded to whole pixels, so the snapshot is readable and stable. */
const normalise = (markup: string) =>
	markup.replace(/(?<![\d:.])-?\d+\.\d+(?!\d|em)/g, (n) => String(Math.round(Number(n)))).replace(/></g, '>\n<');

describe('the timeline SVG', () => {
	it('matches its snapshot', () => {
		expect(normalise(render(EVENTS).svg.outerHTML)).toMatchSnapshot();
	});

	it('draws one link per event, named, pointing at its permalink, and hides the decoration', () => {
		const { svg } = render(EVENTS);
		const links = [...svg.querySelectorAll('a.tl-event')];
		expect(links.map((a) => a.getAttribute('href')).sort()).toEqual(EVENTS.map((e) => `#${e.id}`).sort());
		expect(links).toHaveLength(EVENTS.length);
		for (const a of links) expect(a.getAttribute('aria-label')).toMatch(/, named$/);
		for (const g of svg.querySelectorAll('.tl-bands, .tl-grid, .tl-eras, .tl-axis, .tl-lane-names, .tl-overview'))
			expect(g.getAttribute('aria-hidden')).toBe('true');
		expect(svg.querySelector('.tl-events')?.getAttribute('aria-hidden')).toBeNull();
	});

	it('draws the same markup when drawn again, so the page does not change when the script takes over', () => {
		const { svg, draw } = render(EVENTS);
		const first = svg.outerHTML;
		draw();
		expect(svg.outerHTML).toBe(first);
		draw({ k: 5, x: -3000 });
		expect(svg.outerHTML).not.toBe(first);
		draw();
		expect(svg.outerHTML).toBe(first);
	});

	it('moves events with the zoom and keeps the overview window on the part in view', () => {
		const { svg, base } = render(EVENTS, { k: 2, x: -base0() });
		const talks = base.items.find((i) => i.id === 'talks')!;
		const moved = svg.querySelector('a[data-id="talks"]')?.getAttribute('transform');
		expect(moved).toBe(`translate(${Math.round((2 * talks.x - base0()) * 10) / 10},${Math.round(talks.y * 10) / 10})`);
		const window = svg.querySelector('.tl-overview-window')!;
		expect(Number(window.getAttribute('width'))).toBeCloseTo((base.plot.x1 - base.plot.x0) / 2, 0);
	});
});

function base0() {
	return layoutTimeline(EVENTS).plot.x0;
}

describe('the vertical timeline SVG', () => {
	function renderVertical(events: EventData[]) {
		const { document } = parseHTML(
			'<!doctype html><html><body><svg xmlns="http://www.w3.org/2000/svg"></svg></body></html>',
		);
		const svg = document.querySelector('svg') as unknown as SVGSVGElement;
		const base = layoutVertical(events);
		const names = Object.fromEntries(events.map((e) => [e.id, `${e.label ?? e.title}, named`]));
		const hrefs = Object.fromEntries(events.map((e) => [e.id, `#${e.id}`]));
		const draw = (layout = base) => drawVertical(svg, layout, { uid: 'snap', names, hrefs });
		draw();
		return { svg, draw, base };
	}

	it('matches its snapshot', () => {
		expect(normalise(renderVertical(EVENTS).svg.outerHTML)).toMatchSnapshot();
	});

	it('draws one named link per event, a whole line tall, and hides the decoration', () => {
		const { svg, base } = renderVertical(EVENTS);
		const links = [...svg.querySelectorAll('a.tl-event')];
		expect(links.map((a) => a.getAttribute('href')).sort()).toEqual(EVENTS.map((e) => `#${e.id}`).sort());
		for (const a of links) {
			expect(a.getAttribute('aria-label')).toMatch(/, named$/);
			expect(Number(a.querySelector('.tl-hit')?.getAttribute('height'))).toBeGreaterThanOrEqual(44);
		}
		for (const g of svg.querySelectorAll('.tl-v-rail, .tl-v-texts, .tl-v-anchors'))
			expect(g.getAttribute('aria-hidden')).toBe('true');
		expect(svg.querySelector('.tl-v-events')?.getAttribute('aria-hidden')).toBeNull();
		// The jump bar's targets.
		expect([...svg.querySelectorAll('.tl-v-anchor')].map((a) => a.getAttribute('id'))).toEqual(
			base.anchors.map((a) => `snap-at-${a.period}`),
		);
	});

	it('spaces the lines of a wrapped label, so its text (and the link’s visible name) reads as words', () => {
		const long = {
			...EVENTS[0]!,
			id: 'long-label',
			label: 'A label long enough to wrap onto more than one line of the vertical chart',
		};
		const { svg, base } = renderVertical([...EVENTS, long]);
		const wrapped = base.rows.filter((r) => r.lines.length > 1);
		expect(wrapped.map((r) => r.id)).toContain('long-label');
		for (const row of wrapped)
			expect(svg.querySelector(`a.tl-event[data-id="${row.id}"] .tl-label`)?.textContent).toBe(row.lines.join(' '));
	});

	it('draws the same markup again, and moves the lines below an opened one', () => {
		const { svg, draw, base } = renderVertical(EVENTS);
		const first = svg.outerHTML;
		draw();
		expect(svg.outerHTML).toBe(first);
		draw(openVertical(base, 'talks', 200));
		const y = (id: string) => svg.querySelector(`a[data-id="${id}"]`)?.getAttribute('transform');
		expect(y('treaty')).toBe(`translate(0,${Math.round(base.rows[0]!.y * 10) / 10})`);
		const invasion = base.rows.find((r) => r.id === 'invasion')!;
		expect(y('invasion')).toBe(`translate(0,${Math.round((invasion.y + 200) * 10) / 10})`);
		draw();
		expect(svg.outerHTML).toBe(first);
	});
});
