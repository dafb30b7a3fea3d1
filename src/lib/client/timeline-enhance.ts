/**
 * The timeline's interactive layer, loaded by <event-timeline> when the timeline comes near the
 * viewport. It lays the chart out again from the same inputs as the build (so the first redraw
 * changes nothing), then adds zoom and pan (d3-zoom: mouse, touch, buttons, keys), the overview
 * window, track filters, keyboard movement between events, the details panel and permalinks.
 */
import { select } from 'd3-selection';
import 'd3-transition';
import { zoom, zoomIdentity, type D3ZoomEvent } from 'd3-zoom';
import type { EventData } from '../events';
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
import { isNavKey, navigate } from '../timeline-nav';
import { drawTimeline } from '../timeline-svg';
import { TRACKS, type TrackId } from '../tracks';
import { announce } from './announce';
import { detailsContent } from './timeline-details';

interface TimelineData {
	uid: string;
	detailsLevel: number;
	tracks: TrackId[];
	names: Record<string, string>;
	hrefs: Record<string, string>;
	events: EventData[];
}

/** Zoom factor of one step (buttons, + and − keys). */
const STEP = 1.6;
/** Zoom at which a permalink shows its event. */
const FOCUS_K = 4;
const MAX_K = 24;

export function enhance(root: HTMLElement): void {
	const data = JSON.parse(root.querySelector('script.tl-data')?.textContent ?? '{}') as TimelineData;
	const svgNode = root.querySelector<SVGSVGElement>('svg.tl-svg');
	const panel = root.querySelector<HTMLElement>('.tl-details');
	const figure = root.querySelector<HTMLElement>('.tl-figure');
	if (!svgNode || !panel || !figure || !data.events) return;

	const isPage = root.dataset.variant === 'page';
	const base = layoutTimeline(data.events, { tracks: data.tracks });
	const items = new Map(base.items.map((i) => [i.id, i]));
	const titles = new Map(data.events.map((e) => [e.id, e.title]));
	const order = base.items.map((i) => i.id); // time order
	const hint = panel.innerHTML;
	const panelLabel = panel.getAttribute('aria-label') ?? 'Event details';
	const motion = matchMedia('(prefers-reduced-motion: reduce)');
	const chartShown = () => figure.offsetParent !== null;

	let t: ZoomTransform = IDENTITY;
	let selected: string | null = null;
	let current = order[0] ?? '';
	const hidden = new Set<TrackId>();
	const shown = (id: string) => {
		const item = items.get(id);
		return !!item && !hidden.has(item.track);
	};

	const links = () => svgNode.querySelectorAll<SVGAElement>('a.tl-event');
	const linkFor = (id: string) => svgNode.querySelector<SVGAElement>(`a.tl-event[data-id="${CSS.escape(id)}"]`);

	// ---- drawing and state ---------------------------------------------------------------------

	function draw() {
		drawTimeline(svgNode!, zoomLayout(base, t), {
			uid: data.uid,
			names: data.names,
			hrefs: data.hrefs,
			base,
			transform: t,
		});
		svgNode!.dataset.zoom = t.k.toFixed(2);
		applyStates();
		updateButtons();
	}

	function applyStates() {
		for (const a of links()) {
			const id = a.dataset.id ?? '';
			a.classList.toggle('is-selected', id === selected);
			a.classList.toggle('is-hidden', !shown(id));
			if (id === selected) a.setAttribute('aria-current', 'true');
			else a.removeAttribute('aria-current');
			a.setAttribute('tabindex', id === current ? '0' : '-1');
		}
		for (const entry of root.querySelectorAll<HTMLElement>('.tl-entry'))
			entry.classList.toggle('is-selected', entry.dataset.event === selected);
		for (const mark of svgNode!.querySelectorAll<SVGElement>('.tl-overview-mark'))
			mark.classList.toggle('is-hidden', hidden.has(mark.dataset.track as TrackId));
	}

	// ---- zoom and pan --------------------------------------------------------------------------

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
		.wheelDelta((event: WheelEvent) => {
			const unit = event.deltaMode === 1 ? 0.05 : event.deltaMode ? 1 : 0.002;
			// Pinches send small deltas, wheels large ones: one notch of a wheel is about ×1.15.
			return -event.deltaY * unit * (Math.abs(event.deltaY) < 40 ? 5 : 1);
		})
		.on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
			t = { k: event.transform.k, x: event.transform.x };
			draw();
		});
	const svg = select(svgNode);
	svg.call(zoomer).on('dblclick.zoom', null);
	// Vertical swipes still scroll the page; horizontal swipes and pinches move the chart.
	svgNode.style.touchAction = 'pan-y';

	function zoomTo(next: ZoomTransform) {
		const target = zoomIdentity.translate(next.x, 0).scale(next.k);
		if (motion.matches) zoomer.transform(svg, target);
		else zoomer.transform(svg.transition().duration(400), target);
	}

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
	buttons?.addEventListener('click', (event) => {
		const button = (event.target as Element).closest('button');
		if (!button || button.getAttribute('aria-disabled') === 'true') return;
		const action = button.dataset.action;
		if (action === 'zoom-in') zoomTo(scaled(STEP));
		else if (action === 'zoom-out') zoomTo(scaled(1 / STEP));
		else if (action === 'reset') zoomTo(IDENTITY);
		else if (action === 'earlier') zoomTo(panBy(0.5));
		else if (action === 'later') zoomTo(panBy(-0.5));
	});

	// The overview strip: press or drag to move the zoomed window there.
	const overview = svgNode.querySelector<SVGGElement>('.tl-overview');
	const toSvgX = (event: PointerEvent) => {
		const ctm = svgNode.getScreenCTM();
		return ctm ? new DOMPoint(event.clientX, event.clientY).matrixTransform(ctm.inverse()).x : 0;
	};
	overview?.addEventListener('pointerdown', (event) => {
		if (t.k <= 1) return;
		overview.setPointerCapture(event.pointerId);
		zoomer.transform(svg, toIdentity(centreOn(base, toSvgX(event), t.k)));
		const move = (e: PointerEvent) => zoomer.transform(svg, toIdentity(centreOn(base, toSvgX(e), t.k)));
		overview.addEventListener('pointermove', move);
		overview.addEventListener('pointerup', () => overview.removeEventListener('pointermove', move), { once: true });
	});
	const toIdentity = (c: ZoomTransform) => zoomIdentity.translate(c.x, 0).scale(c.k);

	// ---- selection, details and permalinks ------------------------------------------------------

	/** Horizontal middle of an event's marker and bar, in base-layout units. */
	const middle = (item: LaidOutEvent) =>
		item.kind === 'span' || item.kind === 'window' ? (item.x + item.xEnd) / 2 : item.x;

	function ensureVisible(id: string) {
		const item = items.get(id);
		if (!item) return;
		const extent = itemExtent({ ...item, x: t.k * item.x + t.x, xEnd: t.k * item.xEnd + t.x });
		if (extent.start < x0 || extent.end > x1) zoomTo(centreOn(base, middle(item), t.k));
	}

	function focusEvent(id: string) {
		current = id;
		applyStates();
		ensureVisible(id);
		linkFor(id)?.focus({ preventScroll: true });
	}

	function selectEvent(id: string, how: { zoomTo?: number; focusPanel?: boolean }) {
		const item = items.get(id);
		if (!item) return;
		if (hidden.has(item.track)) setTrack(item.track, true);
		selected = id;
		current = id;
		if (how.zoomTo) zoomTo(centreOn(base, middle(item), Math.max(t.k, how.zoomTo)));
		else ensureVisible(id);
		applyStates();
		showDetails(id, how.focusPanel ?? false);
		if (isPage && location.hash !== `#${id}`) history.replaceState(null, '', `#${id}`);
	}

	function showDetails(id: string, focus: boolean) {
		const entry = root.querySelector(`.tl-entry[data-event="${CSS.escape(id)}"] > article`);
		if (!entry) return;
		const { nodes, heading } = detailsContent(entry, {
			headingId: `${data.uid}-details-title`,
			headingLevel: data.detailsLevel,
			title: titles.get(id) ?? id,
			href: data.hrefs[id] ?? `#${id}`,
			onTimelinePage: isPage,
			onClose: () => closeDetails(true),
		});
		panel!.setAttribute('aria-labelledby', heading.id);
		panel!.removeAttribute('aria-label');
		panel!.replaceChildren(...nodes);
		panel!.classList.add('is-open');
		panel!.dataset.track = items.get(id)?.track ?? '';
		panel!.scrollTop = 0;
		if (focus) heading.focus({ preventScroll: true });
	}

	function closeDetails(returnFocus: boolean) {
		const was = selected;
		selected = null;
		panel!.classList.remove('is-open');
		panel!.innerHTML = hint;
		panel!.removeAttribute('aria-labelledby');
		panel!.setAttribute('aria-label', panelLabel);
		applyStates();
		if (isPage && location.hash) history.replaceState(null, '', location.pathname + location.search);
		if (returnFocus && was) focusEvent(was);
	}

	svgNode.addEventListener('click', (event) => {
		const a = (event.target as Element).closest<SVGAElement>('a.tl-event');
		if (!a?.dataset.id) return;
		event.preventDefault();
		selectEvent(a.dataset.id, { focusPanel: true });
	});

	// Tabbing into the chart lands on the current event; bring it into view if the zoom has left it out.
	// (On the custom element, not the <svg>: Chromium makes an SVG element with a focus listener focusable.)
	root.addEventListener('focusin', (event) => {
		const id = (event.target as Element).closest<SVGAElement>('a.tl-event')?.dataset.id;
		if (id) ensureVisible(id);
	});

	root.addEventListener('keydown', (event) => {
		if (event.key === 'Escape' && selected && !event.defaultPrevented) {
			event.preventDefault();
			closeDetails(true);
		}
	});

	// Arrow keys move between events: ← → in time, ↑ ↓ between lanes. Enter or Space opens one.
	svgNode.addEventListener('keydown', (event) => {
		const id = (event.target as Element).closest<SVGAElement>('a.tl-event')?.dataset.id;
		if (!id || event.altKey || event.ctrlKey || event.metaKey) return;
		const item = items.get(id)!;
		if (isNavKey(event.key)) {
			event.preventDefault();
			const next = navigate(base, id, event.key, shown);
			if (next) focusEvent(next);
		} else if (event.key === ' ') {
			event.preventDefault();
			selectEvent(id, { focusPanel: true });
		} else if (event.key === '+' || event.key === '=' || event.key === '-') {
			event.preventDefault();
			zoomTo(scaled(event.key === '-' ? 1 / STEP : STEP, middle(item)));
		}
	});

	// ---- track filters ---------------------------------------------------------------------------

	function setTrack(track: TrackId, visible: boolean) {
		if (visible) hidden.delete(track);
		else hidden.add(track);
		root.querySelector(`button.tl-key-item[data-track="${track}"]`)?.setAttribute('aria-pressed', String(visible));
		for (const entry of root.querySelectorAll<HTMLElement>('.tl-entry'))
			entry.hidden = hidden.has(entry.dataset.track as TrackId);
		for (const group of root.querySelectorAll<HTMLElement>('.tl-day, .tl-period'))
			group.hidden = !group.querySelector('.tl-entry:not([hidden])');
		if (selected && !shown(selected)) closeDetails(false);
		if (!shown(current)) current = order.find(shown) ?? current;
		applyStates();
	}

	for (const key of root.querySelectorAll<HTMLElement>('span.tl-key-item')) {
		const track = key.dataset.track as TrackId;
		const button = document.createElement('button');
		button.type = 'button';
		button.className = 'tl-key-item';
		button.dataset.track = track;
		button.setAttribute('aria-pressed', 'true');
		button.append(...key.childNodes);
		button.addEventListener('click', () => {
			const visible = hidden.has(track);
			setTrack(track, visible);
			const count = order.filter(shown).length;
			announce(`${TRACKS[track].label} ${visible ? 'shown' : 'hidden'}. ${count} of ${order.length} events shown.`);
		});
		key.replaceWith(button);
	}

	// ---- start ------------------------------------------------------------------------------------

	const fromHash = () => {
		const id = decodeURIComponent(location.hash.slice(1));
		return items.has(id) ? id : undefined;
	};
	draw();
	root.dataset.ready = '';
	const opened = isPage ? fromHash() : undefined;
	if (opened) {
		selectEvent(opened, { zoomTo: FOCUS_K });
		if (chartShown()) root.querySelector('.tl-toolbar')?.scrollIntoView({ block: 'start', behavior: 'instant' });
	}
	if (isPage)
		addEventListener('hashchange', () => {
			const id = fromHash();
			if (id && id !== selected) selectEvent(id, { zoomTo: Math.max(t.k, 2) });
		});
}
