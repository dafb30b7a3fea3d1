/**
 * The vertical chart's moving parts, loaded by timeline-interact.ts the first time a reader opens
 * an event on it or filters its tracks: the chart is laid out again from the same inputs as the
 * build (so nothing moves), then a line opens by laying it out with room below it for the details
 * panel (openVertical), and a filter lays it out with only the tracks shown. The panel sits in
 * that room, so it never covers the chart; it is measured whenever its size changes.
 */
import { drawVertical } from '../timeline-svg-vertical';
import { layoutVertical, openVertical, type VerticalLayout } from '../timeline-vertical';
import type { TrackId } from '../tracks';
import type { TimelineData } from './timeline-interact';

export interface VerticalApi {
	/** Opens room below event `id` and puts `panel` in it. */
	open(id: string, panel: HTMLElement): void;
	/** Closes the room. */
	close(): void;
	/** Lays the chart out with only these tracks. */
	filter(hidden: ReadonlySet<TrackId>): void;
}

/** Space between the event's line and its panel, and below the panel, in SVG units. */
const PAD = 8;

export function attachVertical(svgNode: SVGSVGElement, data: TimelineData, hooks: { onDraw: () => void }): VerticalApi {
	const frame = svgNode.parentElement!;
	let hidden: ReadonlySet<TrackId> = new Set();
	let base: VerticalLayout = layout();
	let opened: { id: string; panel: HTMLElement } | undefined;

	function layout() {
		return layoutVertical(data.events, { tracks: data.tracks.filter((t) => !hidden.has(t)) });
	}
	/** CSS pixels per SVG unit: the chart shrinks with a narrow screen, never grows. */
	const scale = () => svgNode.getBoundingClientRect().width / base.width || 1;

	function draw() {
		let current = base;
		const row = opened && base.rows.find((r) => r.id === opened!.id);
		if (opened && row) {
			const { panel } = opened;
			const s = scale();
			panel.style.setProperty('--tl-open-top', `${(row.y1 + PAD) * s}px`);
			panel.style.setProperty('--tl-open-left', `${(base.railX + 10) * s}px`);
			current = openVertical(base, row.id, panel.offsetHeight / s + 2 * PAD);
		}
		drawVertical(svgNode, current, { uid: data.uid, names: data.names, hrefs: data.hrefs });
		hooks.onDraw();
	}

	// The panel's height changes as it wraps (a turned phone) or as its content changes.
	const resized = new ResizeObserver(() => opened && draw());
	resized.observe(frame);

	return {
		open(id, panel) {
			if (opened) resized.unobserve(opened.panel);
			opened = { id, panel };
			panel.hidden = false;
			resized.observe(panel);
			draw();
		},
		close() {
			if (opened) resized.unobserve(opened.panel);
			opened = undefined;
			draw();
		},
		filter(next) {
			hidden = new Set(next);
			base = layout();
			draw();
		},
	};
}
