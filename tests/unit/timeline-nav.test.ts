import { describe, expect, it } from 'vitest';
import { compareEvents } from '../../src/lib/events';
import { layoutTimeline } from '../../src/lib/timeline-layout';
import { isNavKey, navigate } from '../../src/lib/timeline-nav';
import { validateEventsFile } from '../helpers/content';

const { events } = validateEventsFile('src/content/events.yaml');
const layout = layoutTimeline(events);
const inOrder = [...events].sort(compareEvents).map((e) => e.id);
const track = (id: string) => events.find((e) => e.id === id)?.track;

describe('moving between events with the keyboard', () => {
	it('steps through time with ← and →, and stops at the ends', () => {
		expect(navigate(layout, inOrder[0]!, 'ArrowRight')).toBe(inOrder[1]);
		expect(navigate(layout, inOrder[5]!, 'ArrowLeft')).toBe(inOrder[4]);
		expect(navigate(layout, inOrder[0]!, 'ArrowLeft')).toBeUndefined();
		expect(navigate(layout, inOrder.at(-1)!, 'ArrowRight')).toBeUndefined();
		expect(navigate(layout, inOrder[7]!, 'Home')).toBe(inOrder[0]);
		expect(navigate(layout, inOrder[7]!, 'End')).toBe(inOrder.at(-1));
	});

	it('goes to the nearest event in the next lane with ↑ and ↓, skipping lanes with nothing in view', () => {
		const down = navigate(layout, 'geneva-talks-open', 'ArrowDown')!;
		expect(track(down)).toBe('statements');
		const x = (id: string) => layout.items.find((i) => i.id === id)!.x;
		const statements = layout.items.filter((i) => i.track === 'statements');
		const nearest = Math.min(...statements.map((i) => Math.abs(i.x - x('geneva-talks-open'))));
		expect(Math.abs(x(down) - x('geneva-talks-open'))).toBe(nearest);
		expect(navigate(layout, 'geneva-talks-open', 'ArrowUp')).toBeUndefined();
		const noStatements = (id: string) => track(id) !== 'statements';
		expect(track(navigate(layout, 'geneva-talks-open', 'ArrowDown', noStatements)!)).toBe('military');
	});

	it('skips hidden tracks in time order too', () => {
		const noStatements = (id: string) => track(id) !== 'statements';
		const next = navigate(layout, 'geneva-talks-open', 'ArrowRight', noStatements)!;
		expect(track(next)).not.toBe('statements');
		expect(inOrder.indexOf(next)).toBeGreaterThan(inOrder.indexOf('geneva-talks-open'));
	});

	it('knows which keys are its own', () => {
		expect(isNavKey('ArrowDown')).toBe(true);
		expect(isNavKey('Enter')).toBe(false);
	});
});
