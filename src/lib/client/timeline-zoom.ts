/**
 * Zoom and pan for the wide chart, the heavy part of the timeline's script (D3's zoom, transitions
 * and the layout), loaded by timeline-interact.ts only when a reader first reaches for it: a
 * pointer over the chart, a zoom button, a zoom key, or a permalink to an event. It lays the chart
 * out again from the same inputs as the build (so the first redraw changes nothing) and redraws it
 * with the same joins at every step; the overview strip shows and moves the window in view.
 */
import { select } from 'd3-selection';
import 'd3-transition';
import { zoom, zoomIdentity, type D3ZoomEvent } from 'd3-zoom';
import {
	centreOn,
	clampTransform,
	IDENTITY,
	itemExtent,
	layoutTimeline,
	zoomLayout,
	type LaidOutEvent,
	type ZoomTransform,
} from '../timeline-layout';
import { drawTimeline } from '../timeline-svg';
import type { TimelineData } from './timeline-interact';

/** Zoom factor of one step (buttons, + and − keys). */
export const STEP = 1.6;
const MAX_K = 24;

export interface ZoomApi {
	/** Pans, at the current zoom, to bring an event into view if it is not. */
	ensureVisible(id: string): void;
	/** Centres an event, zoomed to at least `k`. */
	focusOn(id: string, k: number): void;
	/** Zooms by `factor` about an event (the view's centre by default). */
	zoomBy(factor: number, aboutId?: string): void;
	/** What a zoom button does. */
	action(name: string): void;
	/** A Ctrl + wheel that arrived before this module had loaded. */
	wheelAt(deltaY: number, deltaMode: number, clientX: number): void;
	/** Whether an event's marker is inside the plot at the current zoom. */
	inView(id: string): boolean;
}

/** How far one wheel event zooms: pinches send small deltas, wheels large ones (one notch ≈ ×1.15). */
const wheelDelta = (deltaY: number, deltaMode: number) => {
	const unit = deltaMode === 1 ? 0.05 : deltaMode ? 1 : 0.002;
	return -deltaY * unit * (Math.abs(deltaY) < 40 ? 5 : 1);
};

export function attachZoom(
	root: HTMLElement,
	svgNode: SVGSVGElement,
	data: TimelineData,
	hooks: { onDraw: () => void },
): ZoomApi {
	const base = layoutTimeline(data.events, { tracks: data.tracks });
	const items = new Map(base.items.map((i) => [i.id, i]));
	const motion = matchMedia('(prefers-reduced-motion: reduce)');
	let t: ZoomTransform = IDENTITY;

	function draw() {
		drawTimeline(svgNode, zoomLayout(base, t), {
			uid: data.uid,
			names: data.names,
			hrefs: data.hrefs,
			base,
			transform: t,
		});
		svgNode.dataset.zoom = t.k.toFixed(2);
		hooks.onDraw();
		updateButtons();
	}

	const { x0, x1 } = base.plot;
	const zoomer = zoom<SVGSVGElement, unknown>()
		.scaleExtent([1, MAX_K])
		.extent([
			[x0, 0],
			[x1, base.height],
		])
		// Time runs left to right only: keep y at 0 and the plot covered.
		.constrain((transform) => {
			const c = clampTransform(base, { k: transform.k, x: transform.x }, MAX_K);
			return zoomIdentity.translate(c.x, 0).scale(c.k);
		})
		// The wheel scrolls the page unless Ctrl (or ⌘) is held; a trackpad pinch sends Ctrl + wheel.
		.filter((event: Event) => {
			if ((event.target as Element).closest?.('.tl-overview')) return false;
			if (event.type === 'wheel') return (event as WheelEvent).ctrlKey || (event as WheelEvent).metaKey;
			return !(event as MouseEvent).ctrlKey && !(event as MouseEvent).button;
		})
		.wheelDelta((event: WheelEvent) => wheelDelta(event.deltaY, event.deltaMode))
		.on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
			t = { k: event.transform.k, x: event.transform.x };
			draw();
		});
	const svg = select(svgNode);
	svg.call(zoomer).on('dblclick.zoom', null);
	// Vertical swipes still scroll the page; horizontal swipes and pinches move the chart.
	svgNode.style.touchAction = 'pan-y';

	const toIdentity = (c: ZoomTransform) => zoomIdentity.translate(c.x, 0).scale(c.k);
	function zoomTo(next: ZoomTransform) {
		if (motion.matches) zoomer.transform(svg, toIdentity(next));
		else zoomer.transform(svg.transition().duration(400), toIdentity(next));
	}

	/** Horizontal middle of an event's marker and bar, in base-layout units. */
	const middle = (item: LaidOutEvent) =>
		item.kind === 'span' || item.kind === 'window' ? (item.x + item.xEnd) / 2 : item.x;

	/** The transform zoomed by `factor` about base-layout position `about` (the view's centre by default). */
	function scaled(factor: number, about = ((x0 + x1) / 2 - t.x) / t.k): ZoomTransform {
		const k = Math.min(MAX_K, Math.max(1, t.k * factor));
		const screen = t.k * about + t.x;
		return clampTransform(base, { k, x: screen - k * about }, MAX_K);
	}
	const panBy = (fraction: number) => clampTransform(base, { k: t.k, x: t.x + fraction * (x1 - x0) }, MAX_K);

	const buttons = root.querySelector<HTMLElement>('.tl-zoom');
	function updateButtons() {
		const state: Record<string, boolean> = {
			'zoom-in': t.k < MAX_K - 0.01,
			'zoom-out': t.k > 1.01,
			reset: t.k > 1.01,
			earlier: t.x < x0 - t.k * x0 - 0.5,
			later: t.x > x1 - t.k * x1 + 0.5,
		};
		for (const b of buttons?.querySelectorAll<HTMLButtonElement>('button') ?? [])
			b.setAttribute('aria-disabled', String(!state[b.dataset.action ?? '']));
	}

	// The overview strip: press or drag to move the zoomed window there.
	const overview = svgNode.querySelector<SVGGElement>('.tl-overview');
	const toSvgX = (clientX: number) => {
		const ctm = svgNode.getScreenCTM();
		return ctm ? new DOMPoint(clientX, 0).matrixTransform(ctm.inverse()).x : 0;
	};
	overview?.addEventListener('pointerdown', (event) => {
		if (t.k <= 1) return;
		overview.setPointerCapture(event.pointerId);
		zoomer.transform(svg, toIdentity(centreOn(base, toSvgX(event.clientX), t.k)));
		const move = (e: PointerEvent) => zoomer.transform(svg, toIdentity(centreOn(base, toSvgX(e.clientX), t.k)));
		overview.addEventListener('pointermove', move);
		overview.addEventListener('pointerup', () => overview.removeEventListener('pointermove', move), { once: true });
	});

	draw();
	return {
		ensureVisible(id) {
			const item = items.get(id);
			if (!item) return;
			const extent = itemExtent({ ...item, x: t.k * item.x + t.x, xEnd: t.k * item.xEnd + t.x });
			if (extent.start < x0 || extent.end > x1) zoomTo(centreOn(base, middle(item), t.k));
		},
		focusOn(id, k) {
			const item = items.get(id);
			if (item) zoomTo(centreOn(base, middle(item), Math.max(t.k, k)));
		},
		zoomBy(factor, aboutId) {
			const item = aboutId ? items.get(aboutId) : undefined;
			zoomTo(scaled(factor, item ? middle(item) : undefined));
		},
		action(name) {
			if (name === 'zoom-in') zoomTo(scaled(STEP));
			else if (name === 'zoom-out') zoomTo(scaled(1 / STEP));
			else if (name === 'reset') zoomTo(IDENTITY);
			else if (name === 'earlier') zoomTo(panBy(0.5));
			else if (name === 'later') zoomTo(panBy(-0.5));
		},
		wheelAt(deltaY, deltaMode, clientX) {
			const about = (toSvgX(clientX) - t.x) / t.k;
			zoomer.transform(svg, toIdentity(scaled(2 ** wheelDelta(deltaY, deltaMode), about)));
		},
		inView(id) {
			const item = items.get(id);
			if (!item) return false;
			const x = t.k * item.x + t.x;
			return x >= x0 && x <= x1;
		},
	};
}
