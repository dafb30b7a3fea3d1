/**
 * Build-time checks for explainers, beyond what zod sees in frontmatter: every citation resolves
 * to a real source paragraph, every `<Person>` exists, every factual block cites a source, and
 * every context note names its reference.
 */
import { analyseExplainer, REFERENCED_ELEMENTS } from './explainer-analysis';
import { isProblem, resolveCitation, type ParagraphIndex } from './citations';
import type { Problem } from './problems';

export interface ExplainerInput {
	/** Path of the MDX file, relative to the project root. */
	file: string;
	body: string;
	/** Lines before the body in the file (the frontmatter block), so reported lines match the file. */
	bodyLineOffset: number;
}

export function checkExplainer(
	input: ExplainerInput,
	index: ParagraphIndex,
	peopleIds: ReadonlySet<string>,
): Problem[] {
	const problems: Problem[] = [];
	const analysis = analyseExplainer(input.body);
	const line = (n: number) => n + input.bodyLineOffset;

	for (const c of analysis.citations) {
		const field = `<Cite article="${c.article}" p="${c.p}"> on line ${line(c.line)}`;
		const resolved = resolveCitation(index, c, { file: input.file, field });
		if (isProblem(resolved)) problems.push(resolved);
	}
	for (const person of analysis.people) {
		if (!peopleIds.has(person.id)) {
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
	for (const missing of referencesMissing(input.body)) {
		problems.push({
			file: input.file,
			field: `<${missing.name}> on line ${line(missing.line)}`,
			message: 'a context note must name its reference',
			fix: 'add reference="title and date of a verifiable document", e.g. reference="Bucharest Summit Declaration, 3 April 2008"',
		});
	}
	return problems;
}

function referencesMissing(body: string): { name: string; line: number }[] {
	const found: { name: string; line: number }[] = [];
	body.split('\n').forEach((text, i) => {
		for (const name of REFERENCED_ELEMENTS) {
			const open = new RegExp(`<${name}(\\s[^>]*)?>`).exec(text);
			if (open && !/\breference="[^"]{8,}"/.test(open[0])) found.push({ name, line: i + 1 });
		}
	});
	return found;
}
