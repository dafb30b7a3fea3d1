/**
 * Keyboard movement between the chart's events, as pure functions: on the wide chart ← and → step
 * through time, ↑ and ↓ go to the nearest event in the next lane up or down that has one in view;
 * on the vertical chart, where time runs down, ↓ and → step forward and ↑ and ← back. Home and End
 * go to the first and last. Hidden tracks are skipped.
 */
import type { TrackId } from './tracks';

/** What moving needs of a layout: its events in time order with their x, and its lanes top to bottom. */
export interface NavLayout {
	items: readonly { id: string; track: TrackId; x: number }[];
	lanes: readonly { track: TrackId }[];
}

export const NAV_KEYS = ['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', 'Home', 'End'] as const;
export type NavKey = (typeof NAV_KEYS)[number];

export const isNavKey = (key: string): key is NavKey => (NAV_KEYS as readonly string[]).includes(key);

/** The event to move to from `from` on `key`, or undefined to stay. `items` are in time order. */
export function navigate(
	layout: NavLayout,
	from: string,
	key: NavKey,
	shown: (id: string) => boolean = () => true,
): string | undefined {
	const visible = layout.items.filter((i) => shown(i.id));
	const at = visible.findIndex((i) => i.id === from);
	const here = visible[at];
	if (!here) return visible[0]?.id;
	switch (key) {
		case 'ArrowRight':
			return visible[at + 1]?.id;
		case 'ArrowLeft':
			return visible[at - 1]?.id;
		case 'Home':
			return visible[0]?.id;
		case 'End':
			return visible.at(-1)?.id;
		case 'ArrowUp':
		case 'ArrowDown': {
			const step = key === 'ArrowDown' ? 1 : -1;
			const lanes = layout.lanes.map((l) => l.track);
			for (let i = lanes.indexOf(here.track) + step; i >= 0 && i < lanes.length; i += step) {
				const candidates = visible.filter((o) => o.track === lanes[i]);
				if (candidates.length)
					return candidates.reduce((best, o) => (Math.abs(o.x - here.x) < Math.abs(best.x - here.x) ? o : best)).id;
			}
			return undefined;
		}
	}
}

/** The event to move to on the vertical chart, where time runs down: `order` is in time order. */
export function navigateVertical(
	order: readonly string[],
	from: string,
	key: NavKey,
	shown: (id: string) => boolean = () => true,
): string | undefined {
	const visible = order.filter(shown);
	const at = visible.indexOf(from);
	if (at === -1) return visible[0];
	if (key === 'Home') return visible[0];
	if (key === 'End') return visible.at(-1);
	return visible[at + (key === 'ArrowDown' || key === 'ArrowRight' ? 1 : -1)];
}
