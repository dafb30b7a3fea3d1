/**
 * The lanes of the timeline. The key is what authors write in `src/content/events.yaml`; the
 * order here is the order of the lanes, top to bottom. Each track has a shape as well as a
 * colour, so lanes stay distinguishable for colour-blind readers and in black-and-white print.
 */
export const TRACKS = {
	diplomacy: {
		label: 'Talks and meetings',
		description: 'Negotiations, council meetings and consultations between governments and alliances.',
		shape: 'circle',
	},
	statements: {
		label: 'Statements',
		description: 'What leaders, ministers and officials said in public.',
		shape: 'square',
	},
	military: {
		label: 'Military',
		description: 'Troop movements, the invasion and the fighting.',
		shape: 'triangle',
	},
	'aid-humanitarian': {
		label: 'Aid and civilians',
		description: 'Aid, sanctions, humanitarian corridors and people fleeing the war.',
		shape: 'diamond',
	},
	background: {
		label: 'Background',
		description: 'Earlier events the sources refer to: the treaty of 1949, the summit of 2008, 2014, Russia’s drafts.',
		shape: 'bar',
	},
} as const satisfies Record<string, { label: string; description: string; shape: Shape }>;

export type Shape = 'circle' | 'square' | 'triangle' | 'diamond' | 'bar';
export type TrackId = keyof typeof TRACKS;
export const TRACK_IDS = Object.keys(TRACKS) as [TrackId, ...TrackId[]];

/** SVG path of a track's marker, centred on (0, 0), about `size` across. */
export function shapePath(shape: Shape, size = 10): string {
	const r = size / 2;
	const f = (n: number) => Math.round(n * 100) / 100;
	switch (shape) {
		case 'circle':
			return `M${f(-r)},0a${f(r)},${f(r)} 0 1,0 ${f(2 * r)},0a${f(r)},${f(r)} 0 1,0 ${f(-2 * r)},0Z`;
		case 'square': {
			const s = r * 0.9;
			return `M${f(-s)},${f(-s)}H${f(s)}V${f(s)}H${f(-s)}Z`;
		}
		case 'triangle': {
			const h = r * 1.1;
			return `M0,${f(-h)}L${f(h)},${f(h * 0.8)}H${f(-h)}Z`;
		}
		case 'diamond': {
			const d = r * 1.2;
			return `M0,${f(-d)}L${f(d)},0L0,${f(d)}L${f(-d)},0Z`;
		}
		case 'bar':
			return `M${f(-r * 0.45)},${f(-r * 1.1)}H${f(r * 0.45)}V${f(r * 1.1)}H${f(-r * 0.45)}Z`;
	}
}
