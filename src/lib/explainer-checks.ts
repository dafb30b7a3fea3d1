/**
 * Build-time checks for explainers, beyond what zod sees in frontmatter: every citation resolves
 * to a real source paragraph, every `<Person>` exists, every factual block cites a source, every
 * component is one authors may use, with the props it takes, in a place where it can render
 * (src/lib/mdx-components.ts), and every heading gives a usable anchor.
 */
import { isProblem, resolveCitation, type ParagraphIndex } from './citations';
import { analyseExplainer, type ElementUse, type ExplainerAnalysis } from './explainer-analysis';
import { inPeriod, type EventData, type PeriodSpec } from './events';
import { componentList, MDX_COMPONENTS } from './mdx-components';
import type { Problem } from './problems';

export interface ExplainerInput {
	/** Path of the MDX file, relative to the project root. */
	file: string;
	body: string;
	/** Lines before the body in the file (the frontmatter block), so reported lines match the file. */
	bodyLineOffset: number;
	/** The analysis, when the content model has parsed the body already (otherwise it is parsed here). */
	analysis?: ExplainerAnalysis | undefined;
}

/**
 * Ids the explainer page gives elements of its own: a heading or `<Disagreement id>` that took one
 * would make a second element with the same id, and links to it would land on the first.
 */
export const RESERVED_IDS = new Set([
	'title',
	'in-brief',
	'toc-title',
	'sources',
	'main',
	'live-status',
	'search-dialog-title',
	'search-dialog-input',
]);
const RESERVED_PATTERN = /^(cite|source)-\d/;

export interface ExplainerCheckOptions {
	/** The timeline's events, to check that a `<Timeline>` embed shows any. */
	events?: readonly EventData[] | undefined;
}

const what = (el: ElementUse) => `<${el.name ?? ''}>`;

export function checkExplainer(
	input: ExplainerInput,
	index: ParagraphIndex,
	peopleIds: ReadonlySet<string>,
	options: ExplainerCheckOptions = {},
): Problem[] {
	const problems: Problem[] = [];
	const analysis = input.analysis ?? analyseExplainer(input.body, input.file);
	const line = (n: number) => n + input.bodyLineOffset;
	// The line is named in the field (`<Cite …> on line 12`), as authors have always read it, not again in the place.
	const at = (field: string, n: number, message: string, fix: string) =>
		problems.push({ file: input.file, field: `${field} on line ${line(n)}`, message, fix });

	for (const c of analysis.citations) {
		if (!c.article || !c.p) continue; // a missing prop is reported with the component's props
		const field = `<${c.element || 'Cite'} article="${c.article}" p="${c.p}"> on line ${line(c.line)}`;
		const resolved = resolveCitation(index, c, { file: input.file, field });
		if (isProblem(resolved)) problems.push(resolved);
	}
	for (const person of analysis.people) {
		if (person.id && !peopleIds.has(person.id)) {
			problems.push({
				file: input.file,
				field: `<Person id="${person.id}"> on line ${line(person.line)}`,
				message: `no person or organisation "${person.id}" in src/content/people.yaml`,
				fix: `use one of: ${[...peopleIds].sort().join(', ')} — or add the entry to people.yaml`,
			});
		}
	}
	for (const block of analysis.uncited) {
		problems.push({
			file: input.file,
			field: `body, line ${line(block.line)} (“${block.text}…”)`,
			message: 'this paragraph cites no source paragraph',
			fix: 'add <Cite article="…" p="…" /> for the paragraph that supports it, or put context the sources lack in <ContextNote reference="…">',
		});
	}
	if (!analysis.paragraphs.length && !analysis.uncited.length)
		problems.push({
			file: input.file,
			field: 'body',
			message: 'the explainer has no paragraphs',
			fix: 'write the explainer below the frontmatter: an <InBrief> list, then sections under ## headings',
		});
	checkElements(analysis, at, input.bodyLineOffset, options);
	checkHeadingsAndIds(analysis, at, input.bodyLineOffset);
	for (const esm of analysis.esm) {
		const timeline = /^import\s+Timeline\s+from\s+['"]([^'"]+)['"];?\s*$/.exec(esm.source.trim());
		if (timeline?.[1] === MDX_COMPONENTS.Timeline?.importFrom) continue;
		at(
			`\`${esm.source.split('\n')[0]}\``,
			esm.line,
			timeline ? `the timeline is imported from "${timeline[1]}"` : 'explainers import nothing but the timeline',
			timeline
				? `import Timeline from '${MDX_COMPONENTS.Timeline?.importFrom}';`
				: `remove it: ${Object.keys(MDX_COMPONENTS).join(', ')} need no import (only Timeline does)`,
		);
	}
	for (const expr of analysis.expressions) {
		at(
			`{${expr.source.slice(0, 40)}}`,
			expr.line,
			'MDX reads text in { } as code, and explainers hold no code',
			'write \\{ and \\} for braces in text',
		);
	}
	return problems;
}

type At = (field: string, line: number, message: string, fix: string) => void;

function checkElements(analysis: ExplainerAnalysis, at: At, offset: number, options: ExplainerCheckOptions): void {
	const imported = analysis.esm.some((e) => /^import\s+Timeline\b/.test(e.source.trim()));
	const seen = new Map<string, number>();
	for (const el of analysis.elements) {
		if (el.name === null) continue; // a fragment, <>…</>, renders its content
		const rule = MDX_COMPONENTS[el.name];
		const field = what(el);
		if (!rule) {
			const html = /^[a-z]/.test(el.name);
			at(
				field,
				el.line,
				html ? `HTML elements are not used in explainers (<${el.name}>)` : `unknown component <${el.name}>`,
				`use Markdown for formatting, or one of: ${componentList()}`,
			);
			continue;
		}
		if (rule.importFrom && !imported)
			at(
				field,
				el.line,
				`<${el.name}> needs an import`,
				`add \`import ${el.name} from '${rule.importFrom}';\` below the frontmatter`,
			);
		if (rule.once) {
			if (seen.has(el.name))
				at(
					field,
					el.line,
					`a second <${el.name}> (the first is on line ${seen.get(el.name)})`,
					`keep one <${el.name}> per explainer`,
				);
			else seen.set(el.name, el.line + offset);
		}

		// Props: known, present, written the right way, with a valid value.
		if (el.spread) at(field, el.line, 'props cannot be spread ({...x}) here', 'write each prop out: name="value"');
		for (const prop of el.props) {
			const propRule = rule.props[prop.name];
			if (!propRule) {
				const allowed = Object.keys(rule.props);
				at(
					`${field} prop "${prop.name}"`,
					el.line,
					`<${el.name}> has no prop "${prop.name}"`,
					allowed.length
						? `remove it, or use ${allowed.map((p) => `"${p}"`).join(', ')}`
						: `remove it: <${el.name}> takes no props`,
				);
				continue;
			}
			const v = prop.value;
			let value: unknown;
			if (v.kind === 'text') value = v.value;
			else if (v.kind === 'expression' && v.literal) value = v.value;
			else {
				const written = v.kind === 'flag' ? `${prop.name} with no value` : `${prop.name}={${v.source}}`;
				at(
					`${field} prop "${prop.name}"`,
					el.line,
					`${written} is not a plain value`,
					propRule.form === 'text'
						? `write ${prop.name}="…": ${propRule.what}`
						: `write ${prop.name}={…} with ${propRule.what}`,
				);
				continue;
			}
			if (propRule.form === 'text' && typeof value !== 'string') {
				at(
					`${field} prop "${prop.name}"`,
					el.line,
					`${prop.name} must be text`,
					`write ${prop.name}="…": ${propRule.what}`,
				);
				continue;
			}
			const wrong = propRule.check?.(value);
			if (wrong && el.name === 'ContextNote')
				at(
					field,
					el.line,
					wrong,
					'add reference="title and date of a verifiable document", e.g. reference="Bucharest Summit Declaration, 3 April 2008"',
				);
			else if (wrong) at(`${field} prop "${prop.name}"`, el.line, wrong, `use ${propRule.what}`);
		}
		for (const [name, propRule] of Object.entries(rule.props)) {
			if (!propRule.required || el.props.some((p) => p.name === name)) continue;
			if (el.name === 'ContextNote')
				at(
					field,
					el.line,
					'a context note must name its reference',
					'add reference="title and date of a verifiable document", e.g. reference="Bucharest Summit Declaration, 3 April 2008"',
				);
			else at(field, el.line, `<${el.name}> needs the prop "${name}"`, `add ${name}="…": ${propRule.what}`);
		}

		// Content.
		if (rule.content === 'none' && el.hasContent)
			at(
				field,
				el.line,
				`<${el.name}> takes no content`,
				`close it where it opens: <${el.name} … />, with the words before it`,
			);
		if (rule.content === 'required' && !el.hasContent)
			at(
				field,
				el.line,
				`<${el.name}> is empty`,
				`put the ${el.name === 'Person' ? 'name' : 'text'} between <${el.name} …> and </${el.name}>`,
			);

		// Placement: where it can render.
		const inside = el.ancestors;
		if (rule.placement === 'inline' && el.block)
			at(
				field,
				el.line,
				`<${el.name}> stands on a line of its own, outside any paragraph`,
				`put it inside the paragraph, right after the words it belongs to`,
			);
		if (rule.placement === 'block' && !el.block)
			at(
				field,
				el.line,
				`<${el.name}> is inside a line of text, where a box cannot render`,
				`put <${el.name} …> and </${el.name}> on lines of their own, with a blank line before and after`,
			);
		if (inside.includes('heading'))
			at(
				field,
				el.line,
				`<${el.name}> is inside a heading, where it cannot render: headings are anchors and table-of-contents entries`,
				'move it into the paragraph below the heading',
			);
		if (inside.includes('link'))
			at(
				field,
				el.line,
				`<${el.name}> is inside a link, and a link cannot hold another`,
				'move it after the [link text](…)',
			);
		if (rule.parent && inside.at(-1) !== rule.parent)
			at(
				field,
				el.line,
				`<${el.name}> must sit directly inside <${rule.parent}>`,
				`wrap it, with the other account, in <${rule.parent} topic="…" id="…">`,
			);
		if (rule.once && inside.length)
			at(
				field,
				el.line,
				`<${el.name}> is inside ${inside.at(-1)}`,
				`put <${el.name}> at the top level of the body, before the first section`,
			);
		if (el.name === 'InBrief' && el.hasContent && !el.hasList)
			at(field, el.line, '<InBrief> holds no list', 'write the summary as a Markdown list, one "- " bullet per point');
		if (el.name === 'Disagreement') {
			const accounts = el.children.filter((c) => c === 'Account').length;
			const others = el.children.filter((c) => c !== 'Account');
			if (accounts < 2)
				at(
					field,
					el.line,
					`<Disagreement> holds ${accounts} <Account>`,
					'give each side its own <Account article="…" p="…">, at least two',
				);
			if (others.length)
				at(field, el.line, `<Disagreement> holds <${others[0]}>`, 'put only <Account> elements inside it');
		}
		if (el.name === 'Timeline' && options.events) {
			const period = el.props.find((p) => p.name === 'period')?.value;
			const tracks = el.props.find((p) => p.name === 'tracks')?.value;
			const spec = period?.kind === 'expression' ? period.value : period?.kind === 'text' ? period.value : undefined;
			const trackList =
				tracks?.kind === 'expression' && Array.isArray(tracks.value) ? (tracks.value as string[]) : undefined;
			try {
				const shown = (spec ? inPeriod(options.events, spec as PeriodSpec) : options.events).filter(
					(e) => !trackList || trackList.includes(e.track),
				);
				if (!shown.length)
					at(
						field,
						el.line,
						'no events fall in this period and these tracks',
						'widen the period, or choose other tracks',
					);
			} catch {
				// A bad period is reported by its prop check above.
			}
		}
	}
}

function checkHeadingsAndIds(analysis: ExplainerAnalysis, at: At, offset: number): void {
	const ids = new Map<string, string>();
	const claim = (id: string, owner: string, line: number) => {
		if (RESERVED_IDS.has(id) || RESERVED_PATTERN.test(id))
			at(
				owner,
				line,
				`its anchor "#${id}" is one the page uses for something else`,
				'reword it, so that its anchor differs',
			);
		else if (ids.has(id))
			at(owner, line, `its anchor "#${id}" is already that of ${ids.get(id)}`, 'give it another name or id');
		else ids.set(id, `${owner} on line ${line + offset}`);
	};
	for (const p of analysis.paragraphIds) ids.set(p, `paragraph ${p}`);
	for (const h of analysis.headings) {
		const owner = `heading “${h.text.slice(0, 40)}”`;
		if (h.depth === 1)
			at(owner, h.line, 'a `#` heading would be a second page title', 'use ## for a section, ### below it');
		else if (h.depth > 3)
			at(
				owner,
				h.line,
				`a level-${h.depth} heading gets no anchor or place in the page outline`,
				'use ## for a section, ### below it',
			);
		else if (!h.id) at(owner, h.line, 'the heading has no words, so no anchor', 'write the heading text');
		else claim(h.id, owner, h.line);
	}
	for (const el of analysis.elements) {
		if (el.name !== 'Disagreement') continue;
		const id = el.props.find((p) => p.name === 'id')?.value;
		if (id?.kind === 'text' && id.value) claim(id.value, `<Disagreement id="${id.value}">`, el.line);
	}
}
