/**
 * Byte budgets per page type, and how a built page is weighed against them. Everything is
 * measured in gzip bytes of files in dist/, so the gate is exact and repeatable: no timings.
 *
 * "Eager JS" is what a page runs without any interaction: inline scripts, external and module
 * scripts, modulepreloads, and everything those modules import statically. Dynamic `import()`
 * is lazy by definition and is not counted. CSS is every stylesheet link plus inline `<style>`.
 */
import { gzipSync } from 'node:zlib';
// With its extension: the benchmark (plain Node, bench/run.mjs) imports this module too.
import { isExecutable, pageFacts } from './html-facts.ts';

export interface Budget {
	/** The HTML document itself. */
	html: number;
	/** Scripts run without interaction. */
	eagerJs: number;
	/** Stylesheets and inline styles. */
	css: number;
}

export interface PageType {
	name: string;
	/** Matched against the page's path, e.g. `/articles/some-slug/`. The first match wins. */
	pattern: RegExp;
	budget: Budget;
}

const KB = 1024;

/** Any page no pattern below names: index pages, people, 404. Reading pages need no script. */
export const DEFAULT_PAGE_TYPE: PageType = {
	name: 'default',
	pattern: /^/,
	budget: { html: 14 * KB, eagerJs: 2 * KB, css: 12 * KB },
};

/** Add a type here when a new kind of page needs a budget other than the default. */
export const PAGE_TYPES: readonly PageType[] = [
	{ name: 'article', pattern: /^\/articles\/[^/]+\/$/, budget: { html: 14 * KB, eagerJs: 2 * KB, css: 12 * KB } },
	{ name: 'explainer', pattern: /^\/explainers\/[^/]+\/$/, budget: { html: 14 * KB, eagerJs: 2 * KB, css: 12 * KB } },
	// The timeline's SVG is drawn at build time into the page, so its HTML is allowed more; D3 enhances it.
	{ name: 'timeline', pattern: /^\/timeline\/$/, budget: { html: 48 * KB, eagerJs: 30 * KB, css: 12 * KB } },
	// The home page embeds the January timeline (its build-time SVG and list, and the small loader
	// that enhances it near the viewport), so it may carry more than a reading page. Reading pages
	// keep the issue's 14 KB / 2 KB. Of the 4 KB, 0.9 KB is Vite's preload helper, which the
	// timeline's import() brings in; loading the enhancer from an inert <template> (as search does)
	// would remove it.
	{ name: 'home', pattern: /^\/$/, budget: { html: 24 * KB, eagerJs: 4 * KB, css: 12 * KB } },
	// Issue 10: the search page's eager JavaScript stays within 10 KB. The build writes its filters
	// and counts into the page; its search code, the engine and the index load when the reader
	// reaches the form, or at once for an address that asks something.
	{ name: 'search', pattern: /^\/search\/$/, budget: { html: 14 * KB, eagerJs: 10 * KB, css: 12 * KB } },
];

/**
 * Each preview card (dist/og/**.png): social sites fetch it at every share, and some (WhatsApp)
 * drop images much over 300 KB; 80 KB keeps previews quick on a phone. Checked by tests/dist/og.test.ts.
 */
export const CARD_BUDGET = 80 * KB;

export function pageTypeOf(path: string, types: readonly PageType[] = PAGE_TYPES): PageType {
	return types.find((t) => t.pattern.test(path)) ?? DEFAULT_PAGE_TYPE;
}

export const gzipBytes = (content: string | Uint8Array): number => gzipSync(content).length;

/** Reads a file of the built site by its site path (`/_astro/x.js`); undefined when there is none. */
export type AssetReader = (sitePath: string) => Uint8Array | undefined;

export interface Part {
	/** `inline script #2`, `/_astro/page.js`, … */
	what: string;
	bytes: number;
}

export interface PageWeight {
	path: string;
	type: string;
	html: number;
	eagerJs: Part[];
	css: Part[];
	/** Referenced files that are not in dist (the link check reports these; weights leave them out). */
	missing: string[];
}

const sum = (parts: readonly Part[]) => parts.reduce((n, p) => n + p.bytes, 0);

/**
 * Static imports of an ES module: `import x from "./a.js"`, `import "./b.js"`, `export * from "./c.js"`.
 * Not `import("…")`, which is lazy.
 */
export function staticImports(code: string): string[] {
	const found = new Set<string>();
	for (const m of code.matchAll(/\b(?:import|export)\s*(?:[^'"`();=]*?\bfrom\s*)?(['"])([^'"\n]+)\1/g)) {
		if (m[2]) found.add(m[2]);
	}
	return [...found];
}

/** Resolves a URL written in `base` (a site path) to a site path, or undefined when it is not on this site. */
function sitePathOf(url: string, base: string): string | undefined {
	const resolved = new URL(url, new URL(base, 'http://site.invalid'));
	return resolved.origin === 'http://site.invalid' ? decodeURIComponent(resolved.pathname) : undefined;
}

/** Weighs one built page: gzip bytes of its HTML, eager scripts (with their static imports) and CSS. */
export function weighPage(path: string, html: string, read: AssetReader, types = PAGE_TYPES): PageWeight {
	const facts = pageFacts(html);
	const weight: PageWeight = {
		path,
		type: pageTypeOf(path, types).name,
		html: gzipBytes(html),
		eagerJs: [],
		css: [],
		missing: [],
	};
	const seen = new Set<string>();
	const decoder = new TextDecoder();

	/** Adds a module (or classic script) file and, for modules, whatever it imports statically. */
	const addScriptFile = (sitePath: string, isModule: boolean) => {
		if (seen.has(sitePath)) return;
		seen.add(sitePath);
		const content = read(sitePath);
		if (!content) return void weight.missing.push(sitePath);
		weight.eagerJs.push({ what: sitePath, bytes: gzipBytes(content) });
		if (isModule) followImports(decoder.decode(content), sitePath);
	};
	const followImports = (code: string, base: string) => {
		for (const spec of staticImports(code)) {
			const target = sitePathOf(spec, base);
			if (target) addScriptFile(target, true);
		}
	};

	facts.scripts.forEach((script, i) => {
		// Scripts in a <template> run only when the page asks for them: lazy, not eager.
		if (!isExecutable(script.type) || script.inert) return;
		const isModule = script.type === 'module';
		if (script.src !== undefined) {
			const target = sitePathOf(script.src, path);
			// A script from another origin would break the CSP anyway; count what we can see.
			if (target) addScriptFile(target, isModule);
		} else {
			const code = script.inline ?? '';
			weight.eagerJs.push({ what: `inline script #${i + 1}`, bytes: gzipBytes(code) });
			if (isModule) followImports(code, path);
		}
	});
	for (const link of facts.links) {
		if (link.tag === 'link' && link.rel.includes('modulepreload')) {
			const target = sitePathOf(link.url, path);
			if (target) addScriptFile(target, true);
		}
	}
	facts.styles.forEach((style, i) => {
		if (style.href === undefined) {
			weight.css.push({ what: `inline style #${i + 1}`, bytes: gzipBytes(style.inline ?? '') });
			return;
		}
		const target = sitePathOf(style.href, path);
		if (!target || seen.has(target)) return;
		seen.add(target);
		const content = read(target);
		if (content) weight.css.push({ what: target, bytes: gzipBytes(content) });
		else weight.missing.push(target);
	});
	return weight;
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const detail = (parts: readonly Part[]) =>
	parts
		.toSorted((a, b) => b.bytes - a.bytes)
		.map((p) => `${p.what} ${p.bytes} B`)
		.join(', ');

/** One line per budget the page exceeds, naming the page, the figure and what makes it up. */
export function budgetViolations(weight: PageWeight, types = PAGE_TYPES): string[] {
	const { budget, name } = types.find((t) => t.name === weight.type) ?? DEFAULT_PAGE_TYPE;
	const out: string[] = [];
	const over = (what: string, bytes: number, limit: number, parts?: readonly Part[]) => {
		if (bytes > limit)
			out.push(
				`${weight.path} (${name} page): ${what} is ${bytes} B gzip (${kb(bytes)}), over the ${kb(limit)} budget by ${bytes - limit} B${parts?.length ? ` [${detail(parts)}]` : ''}`,
			);
	};
	over('HTML', weight.html, budget.html);
	over('eager JavaScript', sum(weight.eagerJs), budget.eagerJs, weight.eagerJs);
	over('CSS', sum(weight.css), budget.css, weight.css);
	return out;
}

export const totalOf = sum;

/**
 * The search interface's own code (the dialog's script and everything it imports, not Pagefind's
 * engine or index): at most 8 KB gzip (issue 10), checked by tests/dist/search-budget.test.ts.
 */
export const SEARCH_UI_BUDGET = 8 * KB;

/** A module file and everything it imports statically, each with its gzip size. */
export function moduleGraph(entry: string, read: AssetReader): { parts: Part[]; missing: string[] } {
	const parts: Part[] = [];
	const missing: string[] = [];
	const seen = new Set<string>();
	const decoder = new TextDecoder();
	const visit = (sitePath: string) => {
		if (seen.has(sitePath)) return;
		seen.add(sitePath);
		const content = read(sitePath);
		if (!content) return void missing.push(sitePath);
		parts.push({ what: sitePath, bytes: gzipBytes(content) });
		for (const spec of staticImports(decoder.decode(content))) {
			const target = sitePathOf(spec, sitePath);
			if (target) visit(target);
		}
	};
	visit(entry);
	return { parts, missing };
}
