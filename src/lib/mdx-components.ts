/**
 * The components authors may use in explainer MDX: their props, what they may contain and where
 * they can render. The content checks hold every use to these rules, so a wrong prop or a
 * component in a place where it cannot render stops the build with the line and the fix, instead
 * of rendering wrongly or crashing a page later. Keep this in step with the components in
 * src/components/mdx/ (and Timeline) and with CONTRIBUTING.md, "Writing an explainer".
 */
import { PERIOD_IDS, resolvePeriod } from './events';
import { isKebabId } from './ids';
import { TRACK_IDS } from './tracks';

export interface PropRule {
	required?: boolean;
	/** What the prop holds, for messages: 'the cited article's id'. */
	what: string;
	/** `text` is written prop="…"; `value` is written prop={…} with a literal (a number, list or object). */
	form: 'text' | 'value';
	/** Why the value is wrong, or nothing when it is right. */
	check?: (value: unknown) => string | undefined;
}

export interface ComponentRule {
	/** `inline` sits inside a paragraph (a link, a marker); `block` stands on lines of its own (a box). */
	placement: 'inline' | 'block';
	props: Record<string, PropRule>;
	/** Whether it wraps content: `none` is self-closing (`<Cite … />`). */
	content: 'none' | 'required' | 'optional';
	/** The component it must sit directly in. */
	parent?: string;
	/** Only at the top level of the body, at most once. */
	once?: boolean;
	/** The import it needs (components the explainer page does not pass to MDX). */
	importFrom?: string;
	/** One line on what it is for, for the list of valid components. */
	purpose: string;
}

const citing = {
	article: { required: true, form: 'text', what: 'the cited article’s id (its file name)' },
	p: { required: true, form: 'text', what: 'the cited paragraph, e.g. "p3"' },
} satisfies Record<string, PropRule>;

const isoDay = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export const MDX_COMPONENTS: Record<string, ComponentRule> = {
	Cite: { placement: 'inline', props: citing, content: 'none', purpose: 'a numbered citation after a claim' },
	Person: {
		placement: 'inline',
		props: { id: { required: true, form: 'text', what: 'an id from src/content/people.yaml' } },
		content: 'required',
		purpose: 'a name linked to its people page',
	},
	Correction: { placement: 'block', props: citing, content: 'required', purpose: 'a note that a source is wrong' },
	Disagreement: {
		placement: 'block',
		props: {
			topic: { required: true, form: 'text', what: 'what the sources disagree about, as a short phrase' },
			id: {
				required: true,
				form: 'text',
				what: 'a kebab-case anchor id',
				check: (v) => (isKebabId(String(v)) ? undefined : `"${String(v)}" is not a kebab-case id`),
			},
		},
		content: 'required',
		purpose: 'two sources’ accounts side by side',
	},
	Account: {
		placement: 'block',
		parent: 'Disagreement',
		props: citing,
		content: 'required',
		purpose: 'one source’s account, inside <Disagreement>',
	},
	ContextNote: {
		placement: 'block',
		props: {
			reference: {
				required: true,
				form: 'text',
				what: 'the title and date of a verifiable document',
				check: (v) => (String(v).trim().length >= 8 ? undefined : 'a context note must name its reference'),
			},
		},
		content: 'required',
		purpose: 'context the sources lack, with its reference',
	},
	InBrief: {
		placement: 'block',
		once: true,
		props: {},
		content: 'required',
		purpose: 'the cited summary list at the top',
	},
	Timeline: {
		placement: 'block',
		importFrom: '../../components/Timeline.astro',
		content: 'none',
		purpose: 'the timeline, filtered to a period or tracks',
		props: {
			period: {
				form: 'value',
				what: `one of ${PERIOD_IDS.join(', ')}, or { from: 'YYYY-MM-DD', to: 'YYYY-MM-DD' }`,
				check: (v) => {
					if (typeof v === 'string') return (PERIOD_IDS as string[]).includes(v) ? undefined : `unknown period "${v}"`;
					const p = v as { from?: unknown; to?: unknown } | null;
					if (
						!p ||
						typeof p.from !== 'string' ||
						typeof p.to !== 'string' ||
						!isoDay.test(p.from) ||
						!isoDay.test(p.to)
					)
						return 'a period is a name or { from, to } with ISO dates';
					try {
						resolvePeriod({ from: p.from, to: p.to });
					} catch (error) {
						return (error as Error).message;
					}
					return undefined;
				},
			},
			tracks: {
				form: 'value',
				what: `a list of tracks from src/lib/tracks.ts (${TRACK_IDS.join(', ')})`,
				check: (v) => {
					if (!Array.isArray(v) || !v.length) return 'tracks is a non-empty list, e.g. {["diplomacy"]}';
					const bad = v.filter((t) => !(TRACK_IDS as readonly unknown[]).includes(t));
					return bad.length ? `unknown track ${bad.map((t) => JSON.stringify(t)).join(', ')}` : undefined;
				},
			},
			heading: { form: 'text', what: 'a heading above the timeline' },
			headingLevel: {
				form: 'value',
				what: 'the heading level: {2}, {3} or {4}',
				check: (v) =>
					[2, 3, 4].includes(v as number) ? undefined : `headingLevel must be 2, 3 or 4 (got ${String(v)})`,
			},
			id: {
				form: 'text',
				what: 'a kebab-case id, unique on the page',
				check: (v) => (isKebabId(String(v)) ? undefined : `"${String(v)}" is not a kebab-case id`),
			},
			variant: {
				form: 'text',
				what: '"embed" (variant="page" is for /timeline/ only)',
				check: (v) => (v === 'embed' ? undefined : 'variant="page" is for /timeline/ only'),
			},
		},
	},
};

/** "Cite (a numbered citation after a claim), Person (…), …": the valid components, for messages. */
export const componentList = (): string =>
	Object.entries(MDX_COMPONENTS)
		.map(([name, rule]) => `${name} (${rule.purpose})`)
		.join(', ');
