import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { issuesToProblems, formatProblems } from '../../src/lib/problems';
import { personSchema } from '../../src/schemas/people';

const problems = (entry: unknown) => {
	const result = personSchema.safeParse(entry);
	return result.success ? '' : formatProblems(issuesToProblems('src/content/people.yaml', result.error.issues));
};

const good = {
	id: 'jens-stoltenberg',
	name: 'Jens Stoltenberg',
	kind: 'person',
	role: 'Secretary General of NATO',
	description: 'Led NATO through the talks.',
};

describe('people schema', () => {
	it('accepts every entry in people.yaml, with unique ids', () => {
		const entries = parse(readFileSync('src/content/people.yaml', 'utf8')) as { id: string }[];
		for (const entry of entries) expect(problems(entry), entry.id).toBe('');
		expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
	});

	it('rejects an id that is not kebab-case, saying what is expected', () => {
		expect(problems({ ...good, id: 'Jens Stoltenberg' })).toMatch(
			/people\.yaml → id: a kebab-case id such as "jens-stoltenberg"/,
		);
	});

	it('rejects a missing role and an unknown kind', () => {
		expect(problems({ ...good, role: undefined })).toMatch(/→ role: required: their role at the time/);
		expect(problems({ ...good, kind: 'country' })).toMatch(/→ kind: "person" or "organisation"/);
	});

	it('rejects unknown fields', () => {
		expect(problems({ ...good, twitter: '@x' })).toMatch(/unknown field "twitter"/);
	});
});
