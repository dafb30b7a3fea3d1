/**
 * Content can hold any text, markup included, and no page may treat it as markup. This builds the
 * site with a markup-breaking string added to every text field an editor writes (article titles,
 * summaries and notes; people's names, roles, descriptions and aliases; event titles, labels,
 * summaries and notes; explainer titles, descriptions, headings and paragraphs), then checks
 * every built page twice:
 * - as HTML: no element, attribute, comment or script the content brought in; every JSON data
 *   island still parses and holds the string as text;
 * - in Chromium, under the site's real headers: no new element, no dialog, no CSP violation, no
 *   uncaught error, and search still works (its labels come from a data island).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { CHROMIUM_FLAGS, findChromium } from '../../scripts/find-chromium.mjs';
import { astro, copyProject } from './harness';

/** A word to find the string by, then everything that ends an element, an attribute or a comment. */
const MARK = 'Zqxinert';
const BAD = `${MARK} </script><img src=x onerror=alert(1)> "dq" 'sq' & <!-- --> <style>`;
/** For fields of at most 40 characters (chart labels, short titles). */
const SHORT = `${MARK}</script><i>&'"<!--`;
/** The same text written in MDX, where markup is code: character references, as a writer would. */
const BAD_MDX = BAD.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

type Data = Record<string, unknown>;
const FRONTMATTER = /^---\n([\s\S]*?)\n---\n/;

function editFrontmatter(file: string, edit: (data: Data) => void): void {
	const text = readFileSync(file, 'utf8');
	const m = FRONTMATTER.exec(text);
	if (!m) throw new Error(`${file}: no frontmatter`);
	const data = parse(m[1] ?? '') as Data;
	edit(data);
	writeFileSync(file, `---\n${stringify(data, { lineWidth: 0 })}---\n${text.slice(m[0].length)}`);
}

/** Adds BAD to every text field of the copy's content; returns how many fields it changed. */
function inject(root: string): number {
	let fields = 0;
	/** The string first, so a field with a length limit (the schema's) keeps all of it. */
	const add = (obj: Data, key: string, max = Infinity) => {
		const value = obj[key];
		if (typeof value !== 'string') return;
		obj[key] = `${max <= 40 ? SHORT : BAD} ${value}`.slice(0, max).trimEnd();
		fields++;
	};

	const articles = join(root, 'src/content/articles');
	for (const name of readdirSync(articles)) {
		editFrontmatter(join(articles, name), (data) => {
			const title = data['title'] as string;
			add(data, 'title');
			// A headline taken from the source is the raw text's first line: it changes with the title.
			if (data['titleFromSource']) {
				const raw = join(root, 'public/sources', data['sourceFile'] as string);
				const text = readFileSync(raw, 'utf8');
				const line = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm');
				if (!line.test(text)) throw new Error(`${raw} has no line that is the title`);
				writeFileSync(
					raw,
					text.replace(line, () => data['title'] as string),
				);
			}
			add(data, 'summary', 320);
			add(data, 'dateEvidence');
			for (const note of (data['notes'] as Data[] | undefined) ?? [])
				for (const key of ['correction', 'basis']) add(note, key);
		});
	}

	const peopleFile = join(root, 'src/content/people.yaml');
	const people = parse(readFileSync(peopleFile, 'utf8')) as Data[];
	for (const person of people) {
		for (const key of ['name', 'role', 'description']) add(person, key);
		person['aliases'] = [...((person['aliases'] as string[] | undefined) ?? []), `${person['id'] as string} ${BAD}`];
		fields++;
	}
	writeFileSync(peopleFile, stringify(people, { lineWidth: 0 }));

	const eventsFile = join(root, 'src/content/events.yaml');
	const events = parse(readFileSync(eventsFile, 'utf8')) as Data[];
	for (const event of events) {
		add(event, 'title', 90);
		add(event, 'label', 30);
		add(event, 'summary', 420);
		add(event, 'dateBasis');
		for (const key of ['context', 'later']) {
			const note = event[key] as Data | undefined;
			if (note && typeof note === 'object') {
				add(note, 'text');
				const reference = note['reference'] as Data | undefined;
				if (reference) add(reference, 'title');
			}
		}
	}
	writeFileSync(eventsFile, stringify(events, { lineWidth: 0 }));

	const explainers = join(root, 'src/content/explainers');
	for (const name of readdirSync(explainers)) {
		const file = join(explainers, name);
		editFrontmatter(file, (data) => {
			add(data, 'title');
			add(data, 'shortTitle', 40);
			add(data, 'description', 300);
		});
		// Every heading, and every paragraph of plain text (its citations stay at its end).
		const body = readFileSync(file, 'utf8').replace(/^(#{2,3} .+|[A-Z][^\n]*)$/gm, (line) => {
			fields++;
			return line.startsWith('#') ? `${line} ${BAD_MDX}` : `${BAD_MDX} ${line}`;
		});
		writeFileSync(file, body);
	}

	// The corrections log: its words, and (since every explainer heading above now has another id)
	// its links into explainers pointed at the page's title, which keeps its id.
	const correctionsFile = join(root, 'src/content/corrections.yaml');
	const corrections = parse(readFileSync(correctionsFile, 'utf8')) as Data[];
	for (const entry of corrections) {
		add(entry, 'change');
		add(entry, 'reason');
		if (String(entry['page']).startsWith('/explainers/')) entry['anchor'] = 'title';
	}
	writeFileSync(correctionsFile, stringify(corrections, { lineWidth: 0 }));
	return fields;
}

/** Every HTML page of a built site, as a path under it. */
function pages(dist: string): string[] {
	const found: string[] = [];
	const walk = (dir: string) => {
		for (const e of readdirSync(dir, { withFileTypes: true })) {
			if (e.isDirectory()) {
				if (e.name !== 'pagefind') walk(join(dir, e.name));
			} else if (e.name.endsWith('.html')) found.push(relative(dist, join(dir, e.name)));
		}
	};
	walk(dist);
	return found.sort();
}

interface Node {
	type: string;
	name?: string;
	attribs?: Record<string, string>;
	data?: string;
	children?: Node[];
}

/** What on this page could only have come from content acting as markup. */
function markupFromContent(html: string): string[] {
	const found: string[] = [];
	const visit = (node: Node) => {
		if (node.type === 'comment' && node.data?.includes(MARK)) found.push(`comment <!--${node.data}-->`);
		if (node.name) {
			const attrs = node.attribs ?? {};
			if (node.name === 'img' && attrs['src'] === 'x') found.push('<img src=x>');
			for (const name of Object.keys(attrs))
				if (/^on/i.test(name)) found.push(`<${node.name} ${name}="${attrs[name] ?? ''}">`);
			if (node.name === 'script') {
				const text = (node.children ?? []).map((c) => c.data ?? '').join('');
				if (attrs['type'] === 'application/json') {
					try {
						JSON.parse(text);
					} catch (error) {
						found.push(`a JSON data island that no longer parses (${String(error)})`);
					}
				} else if (text.includes(MARK)) found.push(`a script holding content: ${text.slice(0, 80)}`);
			}
			if (node.name === 'style' && (node.children ?? []).some((c) => c.data?.includes(MARK)))
				found.push('a <style> element holding content');
		}
		for (const child of node.children ?? []) visit(child);
	};
	visit(parseDocument(html));
	return found;
}

let root = '';
let dist = '';
let changed = 0;
let build = { code: null as number | null, output: '' };
let server: ChildProcess | undefined;
let base = '';
let browser: Browser | undefined;

beforeAll(async () => {
	root = copyProject();
	// This test is about escaping, not about what the text claims. The grounding check would
	// (rightly) reject the injected words as claims no source makes, and the anchor ledger every
	// paragraph it changes as moved: the copy builds without the one and with an empty ledger.
	const config = join(root, 'astro.config.mjs');
	const withGrounding = readFileSync(config, 'utf8');
	if (!withGrounding.includes('\t\tgrounding(),\n'))
		throw new Error('astro.config.mjs no longer lists grounding(): update this test');
	writeFileSync(config, withGrounding.replace('\t\tgrounding(),\n', ''));
	writeFileSync(join(root, 'src/content/anchors.json'), '{}\n');
	changed = inject(root);
	// Quote cards are pictures of the same text; page cards still render.
	build = await astro(root, 'build', { QUOTE_CARDS: 'off' });
	dist = join(root, 'dist');
}, 600_000);

afterAll(async () => {
	await browser?.close();
	server?.kill();
	if (root) rmSync(root, { recursive: true, force: true });
});

describe('content holding markup stays text on every page', () => {
	it('builds, with the string in every text field', () => {
		expect(build.code, build.output).toBe(0);
		expect(changed).toBeGreaterThan(100);
	});

	it('no page gains an element, attribute, comment or script from content, and every data island parses', () => {
		const all = pages(dist);
		expect(all.length).toBeGreaterThan(20);
		const bad: string[] = [];
		let holding = 0;
		for (const page of all) {
			const html = readFileSync(join(dist, page), 'utf8');
			if (html.includes(MARK)) holding++;
			for (const what of markupFromContent(html)) bad.push(`${page}: ${what}`);
		}
		expect(bad).toEqual([]);
		// The string reached the pages: nearly all of them show some content field.
		expect(holding).toBeGreaterThan(all.length * 0.8);
	});

	it('feeds and the search labels hold the string as text', () => {
		const feed = JSON.parse(readFileSync(join(dist, 'feed.json'), 'utf8')) as { items: { title: string }[] };
		expect(feed.items.some((item) => item.title.includes(BAD))).toBe(true);
		const rss = parseDocument(readFileSync(join(dist, 'rss.xml'), 'utf8'), { xmlMode: true });
		expect(JSON.stringify(rss.children.length)).toBeTruthy();
		expect(readFileSync(join(dist, 'rss.xml'), 'utf8')).not.toContain('<img src=x');
		const search = readFileSync(join(dist, 'search/index.html'), 'utf8');
		const island = /<script type="application\/json" id="search-labels">([\s\S]*?)<\/script>/.exec(search);
		expect(JSON.stringify(JSON.parse(island?.[1] ?? 'null'))).toContain(JSON.stringify(BAD).slice(1, -1));
	});

	it('in the browser, every page stays inert: no new element, no dialog, no CSP violation, no error', async () => {
		server = spawn(process.execPath, ['scripts/serve.mjs', '--port', '0', '--root', dist], {
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		base = await new Promise<string>((done, fail) => {
			let out = '';
			server!.stdout?.on('data', (d: Buffer) => {
				out += d.toString();
				const m = /(http:\/\/localhost:\d+)\//.exec(out);
				if (m?.[1]) done(m[1]);
			});
			server!.once('exit', (code) => fail(new Error(`serve.mjs exited (${code}):\n${out}`)));
		});
		const executablePath = await findChromium({ headlessShell: true });
		browser = await chromium.launch({ ...(executablePath && { executablePath }), args: CHROMIUM_FLAGS });
		const context = await browser.newContext();
		await context.addInitScript(() => {
			const seen: string[] = [];
			(window as unknown as { cspViolations: string[] }).cspViolations = seen;
			document.addEventListener('securitypolicyviolation', (e) =>
				seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'}`),
			);
		});
		// A share page sends the reader on with a meta refresh; held here, so the page itself is checked.
		await context.route(/\/s\//, async (route) => {
			const response = await route.fetch();
			const body = (await response.text()).replace(/<meta http-equiv="refresh"[^>]*>/, '');
			await route.fulfill({ response, body });
		});
		const page = await context.newPage();
		const problems: string[] = [];
		let at = '';
		page.on('dialog', (d) => {
			problems.push(`${at}: a ${d.type()} dialog opened`);
			void d.dismiss();
		});
		page.on('pageerror', (e) => problems.push(`${at}: uncaught ${e.message}`));
		const inspect = async () => {
			const found = await page.evaluate(() => {
				const out: string[] = [];
				for (const el of document.querySelectorAll('*')) {
					if (el.tagName === 'IMG' && el.getAttribute('src') === 'x') out.push('<img src=x>');
					for (const a of el.attributes) if (/^on/i.test(a.name)) out.push(`<${el.localName} ${a.name}>`);
				}
				return [...out, ...(window as unknown as { cspViolations: string[] }).cspViolations];
			});
			problems.push(...found.map((f) => `${at}: ${f}`));
		};
		for (const file of pages(dist)) {
			at = `/${file.replace(/index\.html$/, '')}`;
			await page.goto(base + at);
			await inspect();
		}
		// Search: results render titles and excerpts from the index, and labels from the data island.
		at = '/search/?q=' + MARK;
		await page.goto(base + at);
		await page.getByRole('list', { name: 'Search results' }).getByRole('link').first().waitFor();
		expect(await page.getByRole('list', { name: 'Search results' }).textContent()).toContain(MARK);
		await inspect();
		expect(problems).toEqual([]);
	}, 600_000);
});
