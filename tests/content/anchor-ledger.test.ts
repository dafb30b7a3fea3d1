/**
 * Links that never break, through a real build of a temporary copy: a paragraph inserted at the
 * top of an explainer section moves no anchor (every recorded id still lands on its recorded
 * text), and a renamed section keeps its old id through an alias in the ledger, rendered as an
 * element of its own, so the old link lands with no JavaScript.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, describe, expect, it } from 'vitest';
import { fingerprint, isRecorded, LEDGER_FILE, SAME_TEXT, type Ledger } from '../../src/lib/anchor-ledger';
import { astro, copyProject } from './harness';

const PAGE = '/explainers/what-nato-is/';
const FILE = 'src/content/explainers/what-nato-is.mdx';
const SECTION = '## An alliance of 30 countries';
// True to the source it cites (paragraph 2 of the article), as every explainer paragraph must be.
const INSERTED =
	'The alliance implements the North Atlantic Treaty, signed on 4 April 1949. <Cite article="ukraine-open-to-non-nato-models" p="p2" />';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

describe('the anchor ledger in a build', () => {
	it('keeps every anchor on its text when a paragraph is inserted at the start of a section and a section is renamed', async () => {
		const root = copyProject();
		roots.push(root);
		const ledger = JSON.parse(readFileSync(join(root, LEDGER_FILE), 'utf8')) as Ledger;
		const recorded = Object.entries(ledger[PAGE]!).filter(([, e]) => isRecorded(e));
		expect(recorded.length).toBeGreaterThan(10);

		const mdx = readFileSync(join(root, FILE), 'utf8');
		expect(mdx).toContain(SECTION);
		writeFileSync(
			join(root, FILE),
			mdx
				.replace(SECTION, `${SECTION}\n\n${INSERTED}`)
				.replace('## A promise of collective defence', '## A promise of common defence'),
		);
		// The author's fix for the renamed heading: its old id stays, as an alias.
		ledger[PAGE]!['a-promise-of-collective-defence'] = { alias: 'a-promise-of-common-defence' };
		writeFileSync(join(root, LEDGER_FILE), JSON.stringify(ledger));

		const { code, output } = await astro(root, 'build');
		expect(code, output).toBe(0);
		const { document } = parseHTML(readFileSync(join(root, 'dist', PAGE, 'index.html'), 'utf8'));
		// The text an anchor lands on: the block holding it (an alias sits inside its target).
		const landing = (id: string) => {
			const el = document.getElementById(id);
			return el?.classList.contains('anchor-alias') ? el.parentElement : el;
		};
		for (const [id, entry] of recorded) {
			if (!isRecorded(entry)) continue;
			const el = landing(id);
			expect(el, `#${id} is gone`).toBeTruthy();
			const text = el!.textContent ?? '';
			// A renamed heading is the one anchor whose words changed: it lands on the renamed section.
			if (id === 'a-promise-of-collective-defence') expect(text).toContain('A promise of common defence');
			else {
				// The recorded words are there (a rendered block may add furniture: a note's label, a marker).
				const have = new Set(fingerprint(text).split(' '));
				const want = entry.fp.split(' ');
				const share = want.filter((w) => have.has(w)).length / want.length;
				expect(share, `#${id} now lands on “${text.slice(0, 80)}”`).toBeGreaterThanOrEqual(SAME_TEXT);
			}
		}
		// The new paragraph has an id no link has ever pointed at, and is the section's first.
		const first = [...document.querySelectorAll('.para p')].find((p) =>
			p.textContent?.includes('The alliance implements the North Atlantic Treaty'),
		);
		expect(first?.id).toMatch(/^an-alliance-of-30-countries-\d+$/);
		expect(Object.keys(ledger[PAGE]!)).not.toContain(first?.id);
		// Its share control says where it stands, not what its id says.
		expect(first?.closest('.para')?.querySelector('.share-control')?.getAttribute('aria-label')).toBe(
			'Link to paragraph 1 of “An alliance of 30 countries”',
		);
		// A whole site build on a shared machine: the content project's 180 s is for sync fixtures.
	}, 900_000);
});
