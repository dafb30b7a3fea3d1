import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { pageTypeOf } from '../../src/lib/budgets';
import { compareEvents, inPeriod } from '../../src/lib/events';
import { validateEventsFile } from '../helpers/content';
import { expectNoAxeViolations } from '../helpers/site';

const PAGE = '/timeline/';
const { events } = validateEventsFile('src/content/events.yaml');
const inOrder = [...events].sort(compareEvents);
const byId = (id: string) => events.find((e) => e.id === id)!;

const chartOf = (scope: Page | Locator) => scope.getByRole('group', { name: /^Chart of \d+ events/ });
const marker = (page: Page, label: string) =>
	chartOf(page).getByRole('link', { name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
const details = (page: Page) => page.locator('.tl-details:not([hidden])');
/** An event's link on the wide chart, and on the vertical one. */
const wideLink = (page: Page, id: string) => page.locator(`#timeline svg.tl-svg a.tl-event[data-id="${id}"]`);
const tallLink = (page: Page, id: string) => page.locator(`#timeline svg.tl-vsvg a.tl-event[data-id="${id}"]`);
/** Whether an element is wholly inside the viewport (its box, whatever clips it). */
const wholeInView = (locator: Locator) =>
	locator.evaluate((el) => {
		const r = el.getBoundingClientRect();
		return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
	});
const focusedId = (page: Page) =>
	page.evaluate(() => (document.activeElement as SVGElement | null)?.closest('a.tl-event')?.getAttribute('data-id'));

/** Centre x, in CSS pixels, of an event's marker on screen. */
async function markerX(page: Page, id: string): Promise<number> {
	const box = await wideLink(page, id).locator('.tl-marker').boundingBox();
	if (!box) throw new Error(`marker of ${id} is not drawn`);
	return box.x + box.width / 2;
}

/** Centre x, in CSS pixels, of the chart's plot area. */
async function plotCentre(page: Page): Promise<number> {
	return page.evaluate(() => {
		const svg = document.querySelector<SVGSVGElement>('#timeline svg.tl-svg')!;
		const clip = svg.querySelector('.tl-clip-rect')!;
		const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
		const x = Number(clip.getAttribute('x')) + Number(clip.getAttribute('width')) / 2;
		return svg.getBoundingClientRect().left + x * scale;
	});
}

async function ready(page: Page) {
	// The interactive layer loads when the chart comes near; a loaded machine can take a while.
	await expect(page.locator('event-timeline#timeline')).toHaveAttribute('data-ready', '', { timeout: 15_000 });
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the chart and the list both show every event; a marker is a link to its entry', async ({ page }) => {
		await page.goto(PAGE);
		await expect(page.locator('svg.tl-svg')).toBeVisible();
		await expect(chartOf(page).getByRole('link')).toHaveCount(events.length);
		const entries = page.locator('.tl-entry');
		await expect(entries).toHaveCount(events.length);
		expect(await entries.evaluateAll((els) => els.map((e) => e.id))).toEqual(inOrder.map((e) => e.id));
		// Controls that need the script take their room but do not show.
		await expect(page.getByRole('button', { name: 'Zoom in' })).toBeHidden();
		await expect(page.getByText('Every event is listed below the chart')).toBeVisible();

		await marker(page, 'Geneva talks open').click();
		await expect(page).toHaveURL(/\/timeline\/#geneva-talks-open$/);
		await expect(page.locator('#geneva-talks-open')).toBeInViewport();
		await expect(page.locator('#geneva-talks-open')).toContainText(byId('geneva-talks-open').summary);
	});
});

test.describe('with JavaScript', () => {
	test('a permalink selects, centres and zooms to its event, and shows its details', async ({ page }) => {
		await page.goto(`${PAGE}#nato-russia-council-meets`);
		await ready(page);
		const link = marker(page, 'NATO–Russia Council');
		await expect(link).toHaveAttribute('aria-current', 'true');
		await expect(page.locator('#timeline svg.tl-svg a.tl-event[aria-current]')).toHaveCount(1);
		await expect(page.locator('#timeline svg.tl-svg')).toHaveAttribute('data-zoom', '4.00');
		await expect(async () =>
			expect(Math.abs((await markerX(page, 'nato-russia-council-meets')) - (await plotCentre(page)))).toBeLessThan(4),
		).toPass();
		const panel = page.getByRole('region', { name: byId('nato-russia-council-meets').title });
		await expect(panel).toBeVisible();
		await expect(panel.getByRole('link', { name: /Paragraph 15 of/ })).toHaveAttribute(
			'href',
			'/articles/nato-russia-council-rejects-key-demands/#p15',
		);
		// The page comes back from the event's entry in the list to show the chart, the event and its details.
		await expect(link).toBeInViewport();
		await expect(panel).toBeInViewport();
	});

	test('keyboard: one tab stop, arrows move in time and between lanes, Enter opens, Escape closes', async ({
		page,
	}) => {
		await page.goto(PAGE);
		await ready(page);
		await page.getByRole('button', { name: 'Show all' }).focus();
		await page.keyboard.press('Tab');
		// Tab lands on an event in view (which one: see the skip link's test), with one tab stop in the chart.
		const landed = await focusedId(page);
		expect(landed).toBeTruthy();
		await expect(wideLink(page, landed!)).toBeInViewport();
		await expect(page.locator('#timeline svg.tl-svg a.tl-event[tabindex="0"]')).toHaveCount(1);
		const first = marker(page, 'North Atlantic Treaty signed');
		await page.keyboard.press('Home');
		await expect(first).toBeFocused();
		// The focus ring is drawn on the focused event.
		const ring = await first.locator('.tl-hit').evaluate((el) => getComputedStyle(el).strokeWidth);
		expect(parseFloat(ring)).toBeGreaterThanOrEqual(2);

		await page.keyboard.press('ArrowRight');
		await expect(wideLink(page, inOrder[1]!.id)).toBeFocused();
		await page.keyboard.press('End');
		await expect(wideLink(page, inOrder.at(-1)!.id)).toBeFocused();
		await page.keyboard.press('Home');
		await expect(first).toBeFocused();

		// From a talk in the top lane, ↓ goes to the nearest statement below it.
		await wideLink(page, 'geneva-talks-open').focus();
		await page.keyboard.press('ArrowDown');
		const below = page.locator('#timeline svg.tl-svg a.tl-event:focus');
		await expect(below).toHaveAttribute('data-track', 'statements');
		await page.keyboard.press('ArrowUp');
		await expect(page.locator('#timeline svg.tl-svg a.tl-event:focus')).toHaveAttribute('data-track', 'diplomacy');

		await page.keyboard.press('Enter');
		const selectedId = await page.evaluate(() =>
			document.querySelector('#timeline svg.tl-svg a.tl-event[aria-current]')?.getAttribute('data-id'),
		);
		const title = byId(selectedId!).title;
		await expect(page.getByRole('heading', { name: title }).first()).toBeVisible();
		await expect(details(page).getByRole('heading', { name: title })).toBeFocused();
		await expect(page).toHaveURL(new RegExp(`#${selectedId}$`));

		await page.keyboard.press('Escape');
		await expect(details(page)).toHaveCount(0);
		await expect(wideLink(page, selectedId!)).toBeFocused();
		await expect(page).toHaveURL(/\/timeline\/$/);
	});

	test('track filters hide and show a lane in the chart and the list, and say so', async ({ page }) => {
		await page.goto(PAGE);
		await ready(page);
		const statements = events.filter((e) => e.track === 'statements').length;
		const toggle = page.getByRole('button', { name: 'Statements', exact: true });
		await expect(toggle).toHaveAttribute('aria-pressed', 'true');
		await toggle.click();
		await expect(toggle).toHaveAttribute('aria-pressed', 'false');
		await expect(marker(page, 'Grushko on the open door')).toBeHidden();
		await expect(marker(page, 'Geneva talks open')).toBeVisible();
		await expect(page.locator('.tl-entry:visible')).toHaveCount(events.length - statements);
		await expect(page.getByRole('status')).toHaveText(
			`Statements hidden. ${events.length - statements} of ${events.length} events shown.`,
		);
		await toggle.click();
		await expect(page.locator('.tl-entry:visible')).toHaveCount(events.length);
		await expect(marker(page, 'Grushko on the open door')).toBeVisible();
	});

	test.describe('with reduced motion', () => {
		test.use({ reducedMotion: 'reduce' });

		test('zoom buttons zoom about the centre, pan, and show all again, at once', async ({ page }) => {
			await page.goto(PAGE);
			await ready(page);
			const svg = page.locator('#timeline svg.tl-svg');
			const zoomOut = page.getByRole('button', { name: 'Zoom out' });
			await expect(svg).toHaveAttribute('data-zoom', '1.00');
			await expect(zoomOut).toHaveAttribute('aria-disabled', 'true');
			const gap = async () =>
				(await markerX(page, 'osce-permanent-council-vienna')) - (await markerX(page, 'geneva-talks-open'));
			const before = await gap();

			await page.getByRole('button', { name: 'Zoom in' }).click();
			await expect(svg).toHaveAttribute('data-zoom', '1.60');
			// Positions are read after the redraw: poll rather than read once, racing it.
			await expect.poll(async () => (await gap()) / before).toBeCloseTo(1.6, 1);
			await expect(zoomOut).toHaveAttribute('aria-disabled', 'false');

			await page.getByRole('button', { name: 'Zoom in' }).click();
			await expect(svg).toHaveAttribute('data-zoom', '2.56');
			// The attribute can change before the markers are redrawn: read where one is only once they are.
			await expect.poll(async () => (await gap()) / before).toBeCloseTo(2.56, 1);
			const x = await markerX(page, 'geneva-talks-open');
			await page.getByRole('button', { name: 'Later' }).click();
			await expect.poll(() => markerX(page, 'geneva-talks-open')).toBeLessThan(x - 100);
			await page.getByRole('button', { name: 'Earlier' }).click();
			await expect.poll(async () => Math.abs((await markerX(page, 'geneva-talks-open')) - x)).toBeLessThan(1);

			await zoomOut.click();
			await expect(svg).toHaveAttribute('data-zoom', '1.60');
			await page.getByRole('button', { name: 'Show all' }).click();
			await expect(svg).toHaveAttribute('data-zoom', '1.00');
			await expect.poll(gap).toBeCloseTo(before, 0);
		});

		test('Ctrl + wheel zooms; a plain wheel scrolls the page', async ({ page }) => {
			await page.goto(PAGE);
			await ready(page);
			const svg = page.locator('#timeline svg.tl-svg');
			await svg.scrollIntoViewIfNeeded();
			const box = (await svg.boundingBox())!;
			await page.mouse.move(box.x + box.width / 2, box.y + box.height / 3);
			const scrolled = await page.evaluate(() => scrollY);
			await page.mouse.wheel(0, 200);
			await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(scrolled);
			await expect(svg).toHaveAttribute('data-zoom', '1.00');
			await page.keyboard.down('Control');
			await page.mouse.wheel(0, -300);
			await page.keyboard.up('Control');
			await expect.poll(async () => Number(await svg.getAttribute('data-zoom'))).toBeGreaterThan(1.1);
		});
	});

	test('dragging the chart pans it, and the overview shows where the view is', async ({ page }) => {
		await page.goto(`${PAGE}#geneva-talks-open`);
		await ready(page);
		const svg = page.locator('#timeline svg.tl-svg');
		await expect(svg).toHaveAttribute('data-zoom', '4.00');
		const windowBox = async () => (await page.locator('#timeline .tl-overview-window').boundingBox())!;
		const before = await windowBox();
		expect(before.width).toBeLessThan((await svg.boundingBox())!.width / 3);
		await expect
			.poll(async () => Math.round(await markerX(page, 'geneva-talks-open')))
			.toBe(Math.round(await plotCentre(page)));
		const x = await markerX(page, 'geneva-talks-open');
		const y = (await wideLink(page, 'geneva-talks-open').boundingBox())!.y + 60;
		await page.mouse.move(x + 200, y);
		await page.mouse.down();
		await page.mouse.move(x + 50, y, { steps: 5 });
		await page.mouse.up();
		await expect.poll(() => markerX(page, 'geneva-talks-open')).toBeLessThan(x - 100);
		expect((await windowBox()).x).toBeGreaterThan(before.x);

		// Pressing the overview moves the view there: here, to the weeks after the invasion.
		await page.locator('#timeline .tl-overview-bg').scrollIntoViewIfNeeded();
		const strip = (await page.locator('#timeline .tl-overview-bg').boundingBox())!;
		await page.mouse.click(strip.x + strip.width * 0.9, strip.y + strip.height / 2);
		await expect.poll(async () => (await windowBox()).x).toBeGreaterThan(strip.x + strip.width * 0.6);
		await expect(wideLink(page, 'three-million-fled').locator('.tl-label')).toBeInViewport();
	});

	test('the share menu in the details panel copies the event’s link and says so', async ({
		page,
		context,
		baseURL,
	}) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await page.goto(PAGE);
		await ready(page);
		await marker(page, 'Geneva talks open').click();
		const title = byId('geneva-talks-open').title;
		await details(page)
			.getByRole('button', { name: `Share event “${title}”` })
			.click();
		await page.getByRole('menuitem', { name: 'Copy link' }).click();
		// Announced once the clipboard has been written (the write is asynchronous).
		await expect(page.getByRole('status')).toHaveText('Link copied');
		// The event's quote share page, whose preview shows the event; it sends readers on to /timeline/#geneva-talks-open.
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/s/timeline/geneva-talks-open/`);
		await expect(page.getByRole('status')).toHaveText('Link copied');
	});

	test('labels never overlap on screen, at rest or zoomed', async ({ page }) => {
		await page.goto(PAGE);
		await ready(page);
		const overlaps = () =>
			page.evaluate(() => {
				const boxes = [...document.querySelectorAll('#timeline a.tl-event:not(.is-hidden) .tl-label')].map((t) => ({
					id: t.closest('a')!.getAttribute('data-id'),
					r: t.getBoundingClientRect(),
				}));
				const hits: string[] = [];
				for (const a of boxes)
					for (const b of boxes)
						if (
							a.id! < b.id! &&
							a.r.left < b.r.right &&
							b.r.left < a.r.right &&
							a.r.top < b.r.bottom &&
							b.r.top < a.r.bottom
						)
							hits.push(`${a.id} × ${b.id}`);
				return hits;
			});
		expect(await overlaps()).toEqual([]);
		await page.emulateMedia({ reducedMotion: 'reduce' });
		await page.getByRole('button', { name: 'Zoom in' }).click();
		await page.getByRole('button', { name: 'Zoom in' }).click();
		expect(await overlaps()).toEqual([]);
	});

	test('nothing moves when the script takes over', async ({ page }) => {
		// Hold the enhancement back until the page has been measured without it.
		let release = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		await page.route(/timeline-interact/, async (route) => {
			await held;
			await route.continue();
		});
		await page.addInitScript(() => {
			(window as unknown as { shifts: number }).shifts = 0;
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[])
					if (!entry.hadRecentInput) (window as unknown as { shifts: number }).shifts += entry.value;
			}).observe({ type: 'layout-shift', buffered: true });
		});
		const boxes = () =>
			page.evaluate(() =>
				['.tl-toolbar', '.tl-key', '.tl-frame', '.tl-details', '.tl-list', '.tl-entry:last-child'].map((selector) => {
					const r = document.querySelector(`#timeline ${selector}`)!.getBoundingClientRect();
					return [selector, Math.round(r.top + scrollY), Math.round(r.left), Math.round(r.width), Math.round(r.height)];
				}),
			);
		await page.goto(PAGE);
		await expect(page.locator('#timeline svg.tl-svg')).toBeVisible();
		const before = await boxes();
		await expect(page.locator('event-timeline#timeline')).not.toHaveAttribute('data-ready', '');
		release();
		await ready(page);
		expect(await boxes()).toEqual(before);
		expect(await page.evaluate(() => (window as unknown as { shifts: number }).shifts)).toBeLessThan(0.01);
	});

	for (const scheme of ['light', 'dark'] as const)
		test(`no axe violations with the details panel open (${scheme})`, async ({ page }) => {
			// axe reads every mark of both charts and every entry of the list: the slowest page to scan.
			test.slow();
			await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
			await page.goto(`${PAGE}#stoltenberg-no-compromise`);
			await ready(page);
			await expect(details(page)).toBeVisible();
			await expectNoAxeViolations(page, `${PAGE} with details open (${scheme})`);
		});
});

test.describe('the home page embed', () => {
	test('shows the January chart and a compact list, loads its script only when near, and links events to the full timeline', async ({
		page,
	}) => {
		const loaded: string[] = [];
		page.on('request', (r) => r.url().includes('timeline-interact') && loaded.push(r.url()));
		await page.goto('/');
		const embed = page.getByRole('region', { name: 'The January 2022 talks, day by day', exact: true });
		const january = inPeriod(events, 'january-talks');
		await expect(chartOf(embed).getByRole('link')).toHaveCount(january.length);
		// The list is dates and titles only, each a link to the event on the full timeline.
		await expect(embed.getByRole('heading', { name: 'The same events as a list' })).toBeVisible();
		const list = embed.locator('.tl-compact');
		for (const e of january)
			await expect(list.getByRole('link', { name: e.title, exact: true })).toHaveAttribute(
				'href',
				`/timeline/#${e.id}`,
			);
		await expect(embed.locator('.tl-summary')).toHaveCount(0);
		await page.waitForTimeout(300);
		expect(loaded).toEqual([]);
		const element = embed.locator('event-timeline');
		await expect(element).not.toHaveAttribute('data-ready', '');

		await embed.scrollIntoViewIfNeeded();
		await expect(element).toHaveAttribute('data-ready', '');
		expect(loaded).toHaveLength(1);
		expect(await embed.locator('[id="geneva-talks-open"]').count()).toBe(0);
		const link = embed.locator('svg.tl-svg a.tl-event[data-id="geneva-talks-open"]');
		await expect(link).toHaveAttribute('href', '/timeline/#geneva-talks-open');
		// Selecting an event takes the reader to it on the full timeline, where its details are.
		await link.click();
		await expect(page).toHaveURL(/\/timeline\/#geneva-talks-open$/);
		await expect(page.getByRole('region', { name: byId('geneva-talks-open').title })).toBeVisible();
	});

	test('is short: at most 5,000 px tall at 1280 px wide, and its text keeps its spaces', async ({ page }) => {
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.goto('/');
		expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(5000);
		await expect(page.getByText('every place they are mentioned: people and organisations.')).toBeVisible();
	});

	test('article pages carry no timeline script', async ({ page }) => {
		const scripts: string[] = [];
		page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
		await page.goto('/articles/stoltenberg-open-door-geneva-talks-begin/');
		await page.waitForLoadState('networkidle');
		expect(scripts.filter((s) => /timeline|Timeline/.test(s))).toEqual([]);
	});
});

test.describe('wide screen, 1280 × 900: details never cover the chart', () => {
	test.use({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });

	/**
	 * What is drawn at the centre of the selected mark and of each date on the axis in view: each
	 * must be the mark or the date itself, not the details panel or anything else.
	 */
	async function covered(page: Page, id: string): Promise<string[]> {
		return page.evaluate((id) => {
			const svg = document.querySelector<SVGSVGElement>('#timeline svg.tl-svg')!;
			const problems: string[] = [];
			const hit = (el: Element, owner: Element, what: string) => {
				const r = el.getBoundingClientRect();
				const x = r.left + r.width / 2;
				const y = r.top + r.height / 2;
				if (y < 0 || y > innerHeight || x < 0 || x > innerWidth) return void problems.push(`${what} is out of view`);
				const top = document.elementFromPoint(x, y);
				if (!top || !owner.contains(top))
					problems.push(`${what} is covered by ${top ? `${top.tagName}.${top.getAttribute('class')}` : 'nothing'}`);
			};
			const link = svg.querySelector(`a.tl-event[data-id="${CSS.escape(id)}"]`)!;
			hit(link.querySelector('.tl-marker')!, link, 'the selected mark');
			const ticks = [...svg.querySelectorAll('.tl-axis .tl-tick')].filter((t) => {
				const r = t.getBoundingClientRect();
				return r.width > 0 && t.querySelector('text')?.textContent;
			});
			if (ticks.length < 3) problems.push(`only ${ticks.length} dates on the axis`);
			for (const tick of ticks) hit(tick.querySelector('text')!, tick, `the date “${tick.textContent}” on the axis`);
			return problems;
		}, id);
	}

	/** The details panel is in view and below the chart (both read at once: the page may be scrolling to it). */
	async function expectDetailsBelow(page: Page) {
		await expect(details(page)).toBeInViewport();
		const gap = await page.evaluate(() => {
			const chart = document.querySelector('#timeline svg.tl-svg')!.getBoundingClientRect();
			const panel = document.querySelector('.tl-details:not([hidden])')!.getBoundingClientRect();
			return panel.top - chart.bottom;
		});
		expect(gap).toBeGreaterThanOrEqual(0);
	}

	test('selected by a click', async ({ page }) => {
		await page.goto(PAGE);
		await ready(page);
		await page.locator('#timeline .tl-toolbar').scrollIntoViewIfNeeded();
		await marker(page, 'NATO–Russia Council').click();
		await expect(details(page)).toBeVisible();
		expect(await covered(page, 'nato-russia-council-meets')).toEqual([]);
		await expectDetailsBelow(page);
	});

	test('selected by a permalink', async ({ page }) => {
		await page.goto(`${PAGE}#stoltenberg-no-compromise`);
		await ready(page);
		await expect(details(page)).toBeVisible();
		await expect(page.locator('#timeline svg.tl-svg')).toHaveAttribute('data-zoom', '4.00');
		await expect.poll(() => covered(page, 'stoltenberg-no-compromise')).toEqual([]);
		await expectDetailsBelow(page);
	});

	test('selected by the keyboard, through the skip link', async ({ page }) => {
		await page.goto(PAGE);
		await ready(page);
		// Two tab stops to the chart: "Skip to content", then "Skip to the chart".
		await page.keyboard.press('Tab');
		await page.keyboard.press('Tab');
		await expect(page.getByRole('link', { name: 'Skip to the chart' })).toBeFocused();
		await page.keyboard.press('Enter');
		const landed = await focusedId(page);
		expect(landed).toBeTruthy();
		await expect(wideLink(page, landed!)).toBeInViewport();
		// With nothing selected, focus lands on the first event in view in reading order: the top lane's first.
		const topLane = inOrder.filter((e) => e.track === 'diplomacy');
		expect(topLane.map((e) => e.id)).toContain(landed);
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('Enter');
		const selected =
			(await focusedId(page)) ??
			(await page.locator('#timeline svg.tl-svg a.tl-event[aria-current]').getAttribute('data-id'));
		await expect(details(page)).toBeVisible();
		expect(await covered(page, selected!)).toEqual([]);
		await expectDetailsBelow(page);
	});

	test('Tab alone reaches the chart in a dozen stops: its ten controls are one, and arrows move among them', async ({
		page,
	}) => {
		await page.goto(PAGE);
		await ready(page);
		const stops: string[] = [];
		while (!(await focusedId(page)) && stops.length < 40) {
			await page.keyboard.press('Tab');
			stops.push(await page.evaluate(() => document.activeElement?.textContent?.trim() ?? ''));
		}
		// The skip links, the header's seven, the chart's controls, then the chart (20 stops before).
		expect(stops.length, stops.join(' | ')).toBeLessThanOrEqual(12);
		const controls = page.getByRole('toolbar', { name: 'Chart controls' });
		await page.keyboard.press('Shift+Tab');
		await expect(controls.getByRole('button', { name: 'Talks and meetings' })).toBeFocused();
		await page.keyboard.press('ArrowRight');
		await expect(controls.getByRole('button', { name: 'Statements' })).toBeFocused();
		await page.keyboard.press('End');
		await expect(controls.getByRole('button', { name: 'Show all' })).toBeFocused();
		await page.keyboard.press('ArrowRight');
		await expect(controls.getByRole('button', { name: 'Talks and meetings' })).toBeFocused();
		await page.keyboard.press('ArrowLeft');
		await page.keyboard.press('ArrowLeft');
		await expect(controls.getByRole('button', { name: 'Zoom out' })).toBeFocused();
		// Leaving and coming back lands where the reader left off.
		await page.keyboard.press('Tab');
		expect(await focusedId(page)).toBeTruthy();
		await page.keyboard.press('Shift+Tab');
		await expect(controls.getByRole('button', { name: 'Zoom out' })).toBeFocused();
		// The track filters still work from the keyboard.
		await page.keyboard.press('Home');
		await page.keyboard.press('Enter');
		await expect(controls.getByRole('button', { name: 'Talks and meetings' })).toHaveAttribute('aria-pressed', 'false');
	});

	test('focus stays in sight: arrows scroll to the focused event, and Escape brings it back into view', async ({
		page,
	}) => {
		await page.goto(PAGE);
		await ready(page);
		await page.getByRole('link', { name: 'Skip to the chart' }).focus();
		await page.keyboard.press('Enter');
		for (const key of ['End', 'ArrowLeft', 'Home', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'ArrowDown', 'ArrowDown']) {
			await page.keyboard.press(key);
			const marker = wideLink(page, (await focusedId(page))!).locator('.tl-marker');
			await expect.poll(() => wholeInView(marker), `after ${key}`).toBe(true);
		}
		const id = (await focusedId(page))!;
		await page.keyboard.press('Enter');
		await expect(details(page)).toBeVisible();
		// The reader scrolls away to read, then closes the details.
		await page.mouse.wheel(0, 2500);
		await expect(wideLink(page, id)).not.toBeInViewport();
		await page.keyboard.press('Escape');
		await expect(wideLink(page, id)).toBeFocused();
		await expect.poll(() => wholeInView(wideLink(page, id).locator('.tl-marker'))).toBe(true);
		// The next time Tab enters the chart it lands on an event in view, not on one scrolled away.
		await page.mouse.wheel(0, -5000);
		await page.getByRole('link', { name: 'Skip to the chart' }).focus();
		await page.keyboard.press('Enter');
		expect(await wholeInView(wideLink(page, (await focusedId(page))!).locator('.tl-marker'))).toBe(true);
	});

	test('a malformed or unknown fragment is ignored: the timeline starts with nothing selected', async ({ page }) => {
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
		for (const hash of ['#%E0%A4%A', '#no-such-event', '#%']) {
			// From another page each time: a new fragment on the same page would not load it again.
			await page.goto('/people/');
			await page.goto(`${PAGE}${hash}`);
			await ready(page);
			await expect(page.locator('#timeline a.tl-event[aria-current]')).toHaveCount(0);
			await expect(details(page)).toHaveCount(0);
			// …and it still works.
			await marker(page, 'Geneva talks open').click();
			await expect(details(page)).toBeVisible();
		}
		expect(errors).toEqual([]);
	});
});

/** Layout shift scored without any input, from the first byte. */
/** Layout shifts without recent input: their total, and what moved (for the failure message). */
async function watchShifts(page: Page) {
	await page.addInitScript(() => {
		const w = window as unknown as { shifts: number; moved: string[] };
		w.shifts = 0;
		w.moved = [];
		const describe = (node: Node | null) => {
			const el = node instanceof Element ? node : node?.parentElement;
			if (!el) return String(node?.nodeName);
			const cls =
				typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
			return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls}`;
		};
		const rect = (r: DOMRectReadOnly) =>
			`${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`;
		new PerformanceObserver((list) => {
			type Shift = {
				value: number;
				hadRecentInput: boolean;
				startTime: number;
				sources: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
			};
			for (const entry of list.getEntries() as unknown as Shift[]) {
				if (entry.hadRecentInput) continue;
				w.shifts += entry.value;
				for (const s of entry.sources)
					w.moved.push(
						`${entry.value.toFixed(5)} at ${Math.round(entry.startTime)} ms: ${describe(s.node)} ${rect(s.previousRect)} → ${rect(s.currentRect)}`,
					);
			}
		}).observe({ type: 'layout-shift', buffered: true });
	});
	return () =>
		page.evaluate(() => {
			const w = window as unknown as { shifts: number; moved: string[] };
			return { total: w.shifts, moved: w.moved };
		});
}

test.describe('before any interaction', () => {
	for (const viewport of [
		{ width: 1280, height: 900 },
		{ width: 360, height: 800 },
	])
		for (const path of [PAGE, '/', `${PAGE}#stoltenberg-no-compromise`])
			test(`${path} at ${viewport.width} px: nothing shifts, and the scripts it runs stay within its budget`, async ({
				page,
			}) => {
				await page.setViewportSize(viewport);
				const scripts = new Set<string>();
				page.on('request', (r) => r.resourceType() === 'script' && scripts.add(new URL(r.url()).pathname));
				const shifts = await watchShifts(page);
				await page.goto(path, { waitUntil: 'networkidle' });
				if (path !== '/') await ready(page);
				const { total, moved } = await shifts();
				expect(total, moved.join('\n')).toBe(0);
				if (path.includes('#')) return; // a permalink zooms to its event, which loads the zoom
				const bytes = [...scripts].reduce((sum, file) => sum + gzipSync(readFileSync(`dist${file}`)).length, 0);
				const budget = pageTypeOf(new URL(path, 'http://x').pathname).budget.eagerJs;
				expect(bytes, [...scripts].join(', ')).toBeLessThanOrEqual(budget);
			});
});

test.describe('phone, 360 px wide', () => {
	test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

	test('a vertical chart with every event, no sideways scrolling, controls at least 44 px', async ({ page }) => {
		await page.goto(PAGE);
		await ready(page);
		await expect(page.locator('#timeline svg.tl-svg')).toBeHidden();
		await expect(page.locator('#timeline svg.tl-vsvg')).toBeVisible();
		await expect(chartOf(page).getByRole('link')).toHaveCount(events.length);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
		const small = await page.evaluate(() =>
			[
				...document.querySelectorAll<Element>(
					'#timeline button, #timeline .tl-paras a, #timeline .share-control, #timeline .tl-periods a, #timeline svg.tl-vsvg a.tl-event',
				),
			]
				.filter((el) => el.getClientRects().length > 0)
				.map((el) => ({ name: el.getAttribute('aria-label') ?? el.textContent, r: el.getBoundingClientRect() }))
				.filter(({ r }) => r.width < 44 || r.height < 44)
				.map(({ name }) => name),
		);
		expect(small).toEqual([]);
		// A filter hides a track's lines and closes up the chart.
		const height = async () => (await page.locator('#timeline svg.tl-vsvg').boundingBox())!.height;
		const before = await height();
		await page.getByRole('button', { name: 'Statements', exact: true }).tap();
		await expect(page.locator('.tl-entry[data-track="statements"]').first()).toBeHidden();
		await expect(tallLink(page, 'grushko-end-open-door')).toHaveCount(0);
		await expect.poll(height).toBeLessThan(before - 44 * 10);
	});

	test('a tapped line opens its details under it, covering nothing; a second tap closes them', async ({ page }) => {
		await page.emulateMedia({ reducedMotion: 'reduce' });
		await page.goto(PAGE);
		await ready(page);
		const geneva = tallLink(page, 'geneva-talks-open');
		await geneva.scrollIntoViewIfNeeded();
		/**
		 * The line's, the panel's and the next line's boxes in page coordinates, read in one go: the
		 * page may scroll (to reveal the panel) between two separate reads, and did on a loaded CI run.
		 */
		const boxes = () =>
			page.evaluate(() => {
				const at = (selector: string) => {
					const el = document.querySelector(selector);
					if (!el || el.getClientRects().length === 0) return undefined;
					const r = el.getBoundingClientRect();
					return { top: r.top + scrollY, bottom: r.bottom + scrollY, height: r.height };
				};
				const link = (id: string) => `#timeline svg.tl-vsvg a.tl-event[data-id="${id}"]`;
				return {
					line: at(`${link('geneva-talks-open')} .tl-hit`)!,
					next: at(link('nato-ukraine-commission-meets'))!,
					panel: at('.tl-details:not([hidden])'),
				};
			});
		const before = await boxes();
		await geneva.tap();
		const panel = details(page);
		await expect(panel.getByRole('heading', { name: byId('geneva-talks-open').title })).toBeVisible();
		await expect(page).toHaveURL(/#geneva-talks-open$/);
		// Below its line, and the next line moved down to make room: nothing under the panel.
		await expect
			.poll(async () => {
				const { line, next, panel } = await boxes();
				if (!panel) return 'no panel';
				if (panel.top < line.bottom) return `panel top ${panel.top} above the line's bottom ${line.bottom}`;
				if (next.top < panel.bottom) return `next line at ${next.top}, under the panel (bottom ${panel.bottom})`;
				if (next.top <= before.next.top + panel.height) return `next line at ${next.top} did not move down`;
				return 'ok';
			})
			.toBe('ok');
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
		await geneva.tap();
		await expect(panel).toHaveCount(0);
		await expect.poll(async () => (await boxes()).next.top).toBe(before.next.top);
		await expect(geneva).toBeFocused();
	});

	test('the jump bar stays at the top and goes to each period of the chart', async ({ page }) => {
		await page.goto(PAGE);
		await ready(page);
		const bar = page.getByRole('navigation', { name: 'Jump to a period in the chart' });
		await bar.getByRole('link', { name: 'Feb–Mar 2022' }).tap();
		await expect(page.locator('#timeline-at-invasion-and-talks')).toBeInViewport();
		const barBox = (await bar.boundingBox())!;
		expect(barBox.y).toBe(0);
		// The period's start and its first line are in view below the bar, not under it.
		const start = (await page.locator('#timeline-at-invasion-and-talks').boundingBox())!;
		expect(start.y).toBeGreaterThanOrEqual(barBox.y + barBox.height - 1);
		const invasion = (await tallLink(page, 'russia-invades-ukraine').boundingBox())!;
		expect(invasion.y).toBeGreaterThanOrEqual(barBox.y + barBox.height);
		await bar.getByRole('link', { name: '1949–2021' }).tap();
		await expect(tallLink(page, 'north-atlantic-treaty-signed')).toBeInViewport();
		// Deep in the list, the bar is still there.
		await page.locator('#three-million-fled').scrollIntoViewIfNeeded();
		expect((await bar.boundingBox())!.y).toBe(0);
	});

	test('a permalink lands on its entry in the list', async ({ page }) => {
		await page.goto(`${PAGE}#lavrov-some-hope`);
		await ready(page);
		const entry = page.locator('#lavrov-some-hope');
		await expect(entry).toBeInViewport();
		await expect(entry).toContainText('Reported about 16 March 2022');
		await expect(tallLink(page, 'lavrov-some-hope')).toHaveAttribute('aria-current', 'true');
	});

	for (const scheme of ['light', 'dark'] as const) {
		test(`no axe violations with a line open (${scheme})`, async ({ page }) => {
			// axe reads every mark of both charts and every entry of the list: the slowest page to scan.
			test.slow();
			await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
			await page.goto(PAGE);
			await ready(page);
			await tallLink(page, 'stoltenberg-no-compromise').tap();
			await expect(details(page)).toBeVisible();
			await expectNoAxeViolations(page, `${PAGE} at 360 px with a line open (${scheme})`);
		});

		test(`no axe violations on the home page (${scheme})`, async ({ page }) => {
			await page.emulateMedia({ colorScheme: scheme });
			await page.goto('/');
			await expectNoAxeViolations(page, `/ at 360 px (${scheme})`);
		});
	}
});

test.describe('phone, 360 px wide, without JavaScript', () => {
	test.use({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });

	test('shows an SVG chart of every event, with no sideways scrolling and no overlapping labels', async ({ page }) => {
		await page.goto(PAGE);
		const chart = page.locator('#timeline svg.tl-vsvg');
		await expect(chart).toBeVisible();
		await expect(chartOf(page).getByRole('link')).toHaveCount(events.length);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
		const problems = await page.evaluate(() => {
			const texts = [...document.querySelectorAll('#timeline svg.tl-vsvg text')].map((t, i) => ({
				name: `${i}:${t.textContent}`,
				r: t.getBoundingClientRect(),
			}));
			const found: string[] = [];
			for (const { name, r } of texts) if (r.left < 0 || r.right > innerWidth) found.push(`${name} is cut off`);
			for (const a of texts)
				for (const b of texts)
					if (
						a.name < b.name &&
						a.r.left < b.r.right &&
						b.r.left < a.r.right &&
						a.r.top < b.r.bottom &&
						b.r.top < a.r.bottom
					)
						found.push(`${a.name} × ${b.name}`);
			return found;
		});
		expect(problems).toEqual([]);
		// Each line is a link to the event in the list below.
		await tallLink(page, 'geneva-talks-open').click();
		await expect(page).toHaveURL(/#geneva-talks-open$/);
		await expect(page.locator('#geneva-talks-open')).toBeInViewport();
	});
});
