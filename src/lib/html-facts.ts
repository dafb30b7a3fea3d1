/**
 * What the quality gates need to know about one built HTML page, read in a single pass:
 * the ids it defines, the URLs it refers to, and the scripts and styles it loads.
 * A streaming parser (htmlparser2), not a DOM, because the link check runs on every page of
 * every build and must stay cheap at thousands of pages.
 */
import { Parser } from 'htmlparser2';

export interface PageLink {
	/** Element name, e.g. `a`, `link`, `img`. */
	tag: string;
	/** Attribute the URL came from, e.g. `href`. */
	attr: string;
	/** The URL exactly as written. */
	url: string;
	/** `target` of a link, when set. */
	target?: string;
	/** `rel` of a link, split into tokens, lower-cased. */
	rel: string[];
}

export interface PageScript {
	/** `src` of an external script; absent for an inline script. */
	src?: string;
	/** Text of an inline script. */
	inline?: string;
	/** Lower-cased `type`, or `''` for a classic script. */
	type: string;
	/** Inside a `<template>`: inert until a script clones it into the page (loaded on demand). */
	inert?: boolean;
}

export interface PageStyle {
	/** `href` of a stylesheet link; absent for an inline `<style>`. */
	href?: string;
	/** Text of an inline `<style>`. */
	inline?: string;
}

export interface PageFacts {
	/** Every `id` (and legacy `<a name>`) a fragment can point at. */
	ids: Set<string>;
	links: PageLink[];
	scripts: PageScript[];
	styles: PageStyle[];
	/** Number of `style="…"` attributes (a strict CSP blocks them). */
	styleAttributes: number;
	/** Content of each `<meta http-equiv="content-security-policy">`, in document order. */
	csp: string[];
	/** Elements before the CSP meta, e.g. `['meta']` when only `<meta charset>` precedes it. */
	beforeCsp: string[] | undefined;
}

/** Attributes that hold one URL, by element. */
const URL_ATTRS: Record<string, readonly string[]> = {
	a: ['href'],
	area: ['href'],
	link: ['href'],
	img: ['src'],
	script: ['src'],
	iframe: ['src'],
	source: ['src'],
	video: ['src', 'poster'],
	audio: ['src'],
	track: ['src'],
	form: ['action'],
	object: ['data'],
	embed: ['src'],
	use: ['href'],
};

/** Scripts the browser runs (as opposed to data blocks such as JSON or import maps). */
export const isExecutable = (type: string): boolean =>
	type === '' || type === 'module' || /^(text|application)\/(x-)?(java|ecma)script$/.test(type);

export function pageFacts(html: string): PageFacts {
	const facts: PageFacts = {
		ids: new Set(),
		links: [],
		scripts: [],
		styles: [],
		styleAttributes: 0,
		csp: [],
		beforeCsp: undefined,
	};
	const headElements: string[] = [];
	let inHead = false;
	let open: { kind: 'script'; script: PageScript } | { kind: 'style' } | undefined;
	let text = '';
	let templateDepth = 0;

	const parser = new Parser(
		{
			onopentag(name, attrs) {
				if (name === 'head') inHead = true;
				else if (inHead) headElements.push(name);
				if (name === 'template') templateDepth++;
				if (attrs.id) facts.ids.add(attrs.id);
				if (name === 'a' && attrs.name) facts.ids.add(attrs.name);
				if (attrs.style !== undefined) facts.styleAttributes++;
				for (const attr of URL_ATTRS[name] ?? []) {
					const url = attrs[attr];
					if (url === undefined) continue;
					facts.links.push({
						tag: name,
						attr,
						url,
						...(attrs.target !== undefined && { target: attrs.target }),
						rel: (attrs.rel ?? '').toLowerCase().split(/\s+/).filter(Boolean),
					});
				}
				for (const src of (attrs.srcset ?? '').split(',')) {
					const url = src.trim().split(/\s+/)[0];
					if (url) facts.links.push({ tag: name, attr: 'srcset', url, rel: [] });
				}
				if (name === 'meta' && attrs['http-equiv']?.toLowerCase() === 'content-security-policy') {
					facts.csp.push(attrs.content ?? '');
					facts.beforeCsp ??= headElements.slice(0, -1);
				}
				if (name === 'link' && /(^|\s)stylesheet(\s|$)/i.test(attrs.rel ?? '') && attrs.href) {
					facts.styles.push({ href: attrs.href });
				}
				if (name === 'script') {
					const script: PageScript = { type: (attrs.type ?? '').trim().toLowerCase() };
					if (templateDepth > 0) script.inert = true;
					if (attrs.src !== undefined) script.src = attrs.src;
					facts.scripts.push(script);
					open = { kind: 'script', script };
					text = '';
				}
				if (name === 'style') {
					open = { kind: 'style' };
					text = '';
				}
			},
			ontext(data) {
				if (open) text += data;
			},
			onclosetag(name) {
				if (name === 'head') inHead = false;
				if (name === 'template') templateDepth--;
				if (name === 'script' && open?.kind === 'script') {
					if (open.script.src === undefined) open.script.inline = text;
					open = undefined;
				}
				if (name === 'style' && open?.kind === 'style') {
					facts.styles.push({ inline: text });
					open = undefined;
				}
			},
		},
		{ decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
	);
	parser.write(html);
	parser.end();
	return facts;
}
