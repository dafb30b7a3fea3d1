import { expect, test, type Locator, type Page } from '@playwright/test';
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
const details = (page: Page) => page.locator('.tl-details.is-open');

/** Centre x, in CSS pixels, of an event's marker on screen. */
async function markerX(page: Page, id: string): Promise<number> {
	const box = await page.locator(`a.tl-event[data-id="${id}"] .tl-marker`).boundingBox();
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
	await expect(page.locator('event-timeline#timeline')).toHaveAttribute('data-ready', '');
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
		await expect(page.locator('a.tl-event[aria-current]')).toHaveCount(1);
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
		await expect(page.locator('.tl-toolbar')).toBeInViewport();
	});

	test('keyboard: one tab stop, arrows move in time and between lanes, Enter opens, Escape closes', async ({
		page,
	}) => {
		await page.goto(PAGE);
		await ready(page);
		await page.getByRole('button', { name: 'Show all' }).focus();
		await page.keyboard.press('Tab');
		const first = marker(page, 'North Atlantic Treaty signed');
		await expect(first).toBeFocused();
		await expect(page.locator('a.tl-event[tabindex="0"]')).toHaveCount(1);
		// The focus ring is drawn on the focused event.
		const ring = await first.locator('.tl-hit').evaluate((el) => getComputedStyle(el).strokeWidth);
		expect(parseFloat(ring)).toBeGreaterThanOrEqual(2);

		await page.keyboard.press('ArrowRight');
		await expect(page.locator(`a.tl-event[data-id="${inOrder[1]!.id}"]`)).toBeFocused();
		await page.keyboard.press('End');
		await expect(page.locator(`a.tl-event[data-id="${inOrder.at(-1)!.id}"]`)).toBeFocused();
		await page.keyboard.press('Home');
		await expect(first).toBeFocused();

		// From a talk in the top lane, ↓ goes to the nearest statement below it.
		await page.locator('a.tl-event[data-id="geneva-talks-open"]').focus();
		await page.keyboard.press('ArrowDown');
		const below = page.locator('a.tl-event:focus');
		await expect(below).toHaveAttribute('data-track', 'statements');
		await page.keyboard.press('ArrowUp');
		await expect(page.locator('a.tl-event:focus')).toHaveAttribute('data-track', 'diplomacy');

		await page.keyboard.press('Enter');
		const focusedId = await page.evaluate(() =>
			document.querySelector('a.tl-event[aria-current]')?.getAttribute('data-id'),
		);
		const title = byId(focusedId!).title;
		await expect(page.getByRole('heading', { name: title }).first()).toBeVisible();
		await expect(details(page).getByRole('heading', { name: title })).toBeFocused();
		await expect(page).toHaveURL(new RegExp(`#${focusedId}$`));

		await page.keyboard.press('Escape');
		await expect(details(page)).toHaveCount(0);
		await expect(page.locator(`a.tl-event[data-id="${focusedId}"]`)).toBeFocused();
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
		const y = (await page.locator('a.tl-event[data-id="geneva-talks-open"]').boundingBox())!.y + 60;
		await page.mouse.move(x + 200, y);
		await page.mouse.down();
		await page.mouse.move(x + 50, y, { steps: 5 });
		await page.mouse.up();
		expect(await markerX(page, 'geneva-talks-open')).toBeLessThan(x - 100);
		expect((await windowBox()).x).toBeGreaterThan(before.x);

		// Pressing the overview moves the view there: here, to the weeks after the invasion.
		await page.locator('#timeline .tl-overview-bg').scrollIntoViewIfNeeded();
		const strip = (await page.locator('#timeline .tl-overview-bg').boundingBox())!;
		await page.mouse.click(strip.x + strip.width * 0.9, strip.y + strip.height / 2);
		await expect.poll(async () => (await windowBox()).x).toBeGreaterThan(strip.x + strip.width * 0.6);
		await expect(page.locator('a.tl-event[data-id="three-million-fled"] .tl-label')).toBeInViewport();
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
		await page
			.getByRole('button', { name: `Share event “${title}”` })
			.last()
			.click();
		await page.getByRole('menuitem', { name: 'Copy link' }).click();
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
		await page.route(/timeline-enhance/, async (route) => {
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
			await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
			await page.goto(`${PAGE}#stoltenberg-no-compromise`);
			await ready(page);
			await expect(details(page)).toBeVisible();
			await expectNoAxeViolations(page, `${PAGE} with details open (${scheme})`);
		});
});

test.describe('the home page embed', () => {
	test('shows the January talks, loads its script only when near, and links events to their permalinks', async ({
		page,
	}) => {
		const loaded: string[] = [];
		page.on('request', (r) => r.url().includes('timeline-enhance') && loaded.push(r.url()));
		await page.goto('/');
		const embed = page.getByRole('region', { name: 'The January 2022 talks, day by day', exact: true });
		const january = inPeriod(events, 'january-talks');
		await expect(chartOf(embed).getByRole('link')).toHaveCount(january.length);
		await page.waitForTimeout(300);
		expect(loaded).toEqual([]);
		const element = embed.locator('event-timeline');
		await expect(element).not.toHaveAttribute('data-ready', '');

		await embed.scrollIntoViewIfNeeded();
		await expect(element).toHaveAttribute('data-ready', '');
		expect(loaded).toHaveLength(1);
		expect(await embed.locator('[id="geneva-talks-open"]').count()).toBe(0);
		const link = embed.locator('a.tl-event[data-id="geneva-talks-open"]');
		await expect(link).toHaveAttribute('href', '/timeline/#geneva-talks-open');
		await link.click();
		await expect(embed.getByRole('link', { name: 'Open in the full timeline' })).toHaveAttribute(
			'href',
			'/timeline/#geneva-talks-open',
		);
		await expect(page).toHaveURL(/\/$/);
	});

	test('article pages carry no timeline script', async ({ page }) => {
		const scripts: string[] = [];
		page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
		await page.goto('/articles/stoltenberg-open-door-geneva-talks-begin/');
		await page.waitForLoadState('networkidle');
		expect(scripts.filter((s) => /timeline|Timeline/.test(s))).toEqual([]);
	});
});

test.describe('phone, 360 px wide', () => {
	test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

	test('the list is the timeline: no chart, no sideways scrolling, controls at least 44 px', async ({ page }) => {
		await page.goto(PAGE);
		await ready(page);
		await expect(page.locator('#timeline svg.tl-svg')).toBeHidden();
		await expect(page.locator('.tl-entry').first()).toBeVisible();
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
		const small = await page.evaluate(() =>
			[...document.querySelectorAll<HTMLElement>('#timeline button, #timeline .tl-paras a, #timeline .share-control')]
				.filter((el) => el.offsetParent !== null)
				.map((el) => ({ name: el.getAttribute('aria-label') ?? el.textContent, r: el.getBoundingClientRect() }))
				.filter(({ r }) => r.width < 44 || r.height < 44)
				.map(({ name }) => name),
		);
		expect(small).toEqual([]);
		const statements = page.getByRole('button', { name: 'Statements', exact: true });
		await statements.tap();
		await expect(page.locator('.tl-entry[data-track="statements"]').first()).toBeHidden();
	});

	test('a permalink lands on its entry in the list', async ({ page }) => {
		await page.goto(`${PAGE}#lavrov-some-hope`);
		await ready(page);
		const entry = page.locator('#lavrov-some-hope');
		await expect(entry).toBeInViewport();
		await expect(entry).toContainText('Reported about 15 March 2022');
	});
});
