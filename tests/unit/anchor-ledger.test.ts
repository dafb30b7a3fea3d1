import { describe, expect, it } from 'vitest';
import {
	aliasesOf,
	checkLedger,
	fingerprint,
	parseLedger,
	sameText,
	SAME_TEXT,
	similarity,
	stableBlockIds,
	updateLedger,
	words,
	type Ledger,
	type PublishedAnchor,
} from '../../src/lib/anchor-ledger';

const P1 =
	'NATO’s Secretary General said on Wednesday that the alliance would not compromise on its open-door policy, whatever Russia demanded in Geneva.';
const P2 =
	'Russia’s deputy foreign minister said the talks had reached a dead end and that Moscow saw no reason to go on.';

describe('fingerprints', () => {
	it('ignore typography, case, punctuation, word order and repetition', () => {
		expect(words('Russia’s “open-door” POLICY')).toEqual(['russias', 'open', 'door', 'policy']);
		expect(fingerprint('Russia’s open-door policy.')).toBe(fingerprint("russia's  open door policy"));
		expect(fingerprint('door open policy policy')).toBe(fingerprint('policy open door'));
	});

	it('are the same text after a small edit: a typo fixed, a word changed in a sentence', () => {
		expect(sameText(fingerprint(P1), fingerprint(P1.replace('Wednesday', 'Wedneday')))).toBe(true);
		expect(sameText(fingerprint(P1), fingerprint(P1.replace('whatever', 'no matter what')))).toBe(true);
		expect(sameText(fingerprint('Vienna, 13 January: the OSCE'), fingerprint('Vienna, 13 January: at the OSCE'))).toBe(
			true,
		);
	});

	it('are other text after a rewrite, a different paragraph, or much added', () => {
		expect(sameText(fingerprint(P1), fingerprint(P2))).toBe(false);
		expect(
			sameText(
				fingerprint(P1),
				fingerprint('The alliance said it would keep its door open; Russia had demanded that it close it.'),
			),
		).toBe(false);
		// Appending a whole second paragraph to a short one is not an edit of it.
		expect(sameText(fingerprint('Talks begin in Geneva'), fingerprint(`Talks begin in Geneva. ${P2}`))).toBe(false);
		// One word changed in a four-word heading is a new heading.
		expect(similarity(fingerprint('What Moscow asked for'), fingerprint('What Moscow demanded for'))).toBeLessThan(
			SAME_TEXT,
		);
	});
});

const page = '/explainers/x/';
const anchor = (id: string, text: string, kind: PublishedAnchor['kind'] = 'block'): PublishedAnchor => ({
	page,
	id,
	kind,
	text,
	file: 'src/content/explainers/x.mdx',
});

describe('stable block ids', () => {
	const A = 'Geneva was the first of three meetings in one week between Russia and the West.';
	const B = 'The American delegation was led by Wendy Sherman, the deputy secretary of state.';
	const C = 'Russia’s delegation was led by Sergei Ryabkov, a deputy foreign minister.';
	const NEW = 'Before the talks, both sides set out what they would not discuss at all.';
	const blocks = (...texts: string[]) =>
		texts.map((text, i) => ({ positional: `geneva-${i + 1}`, section: 'geneva', text }));
	const recorded = updateLedger({}, [anchor('geneva-1', A), anchor('geneva-2', B), anchor('geneva-3', C)]).ledger[page];

	it('are positional with no ledger', () => {
		expect(stableBlockIds(blocks(A, B, C), undefined)).toEqual(['geneva-1', 'geneva-2', 'geneva-3']);
	});

	it('stay with their text when a paragraph is inserted at the start; the new one takes an id never published', () => {
		expect(stableBlockIds(blocks(NEW, A, B, C), recorded)).toEqual(['geneva-4', 'geneva-1', 'geneva-2', 'geneva-3']);
	});

	it('stay with their text through a small edit, a removal and a reordering', () => {
		expect(stableBlockIds(blocks(C, A.replace('three', '3')), recorded)).toEqual(['geneva-3', 'geneva-1']);
	});
});

describe('the ledger check', () => {
	const A = 'Geneva was the first of three meetings in one week between Russia and the West.';
	const B = 'The American delegation was led by Wendy Sherman, the deputy secretary of state.';
	const ledger: Ledger = updateLedger({}, [anchor('geneva-1', A), anchor('geneva-2', B)]).ledger;

	it('passes when every anchor still points at its text, edited or not, and new anchors are no problem', () => {
		expect(
			checkLedger(ledger, [anchor('geneva-1', A.replace('three', '3')), anchor('geneva-2', B), anchor('new', 'x')]),
		).toEqual([]);
	});

	it('fails, naming the file, the anchor and the alias to write, when an anchor now points at other text', () => {
		const problems = checkLedger(ledger, [anchor('geneva-1', B), anchor('geneva-3', A)]);
		const moved = problems.find((p) => p.field === '#geneva-1')!;
		expect(moved.file).toBe('src/content/explainers/x.mdx');
		expect(moved.message).toMatch(
			/#geneva-1 was published pointing at “Geneva was the first.*now points at other text/,
		);
		expect(moved.fix).toContain('its text is now at #geneva-3');
		expect(moved.fix).toContain('"geneva-1": {"alias":"geneva-3"}');
		expect(moved.fix).toMatch(/retire/);
	});

	it('fails when an anchor disappears', () => {
		const problems = checkLedger(ledger, [anchor('geneva-1', A)]);
		expect(problems).toHaveLength(1);
		expect(problems[0]!.message).toMatch(/#geneva-2 .*no element on the page has that id/);
	});

	it('accepts an alias or a retirement that lands on a live anchor, and renders both', () => {
		const fixed: Ledger = {
			[page]: { ...ledger[page], 'geneva-2': { alias: 'geneva-9' }, old: { retired: 'geneva-1', reason: 'merged' } },
		};
		expect(checkLedger(fixed, [anchor('geneva-1', A), anchor('geneva-9', B)])).toEqual([]);
		expect(aliasesOf(fixed).get(page)).toEqual([
			['geneva-2', 'geneva-9'],
			['old', 'geneva-1'],
		]);
	});

	it('refuses an alias to nowhere, a retirement without a reason, and an alias that is also a live id', () => {
		const bad: Ledger = {
			[page]: { a: { alias: 'missing' }, b: { retired: 'geneva-1', reason: ' ' }, 'geneva-1': { alias: 'x' } },
		};
		const fields = checkLedger(bad, [anchor('geneva-1', A), anchor('x', B)]).map((p) => p.message);
		expect(fields.join('\n')).toMatch(/should land on #missing/);
		expect(fields.join('\n')).toMatch(/gives no reason/);
		expect(fields.join('\n')).toMatch(/both a live anchor and an alias/);
	});

	it('fails when a whole page with anchors is gone', () => {
		expect(checkLedger(ledger, [])[0]!.message).toMatch(/page \/explainers\/x\/ was published with 2 anchors/);
	});
});

describe('updating and reading the ledger', () => {
	it('adds new anchors, follows small edits, and leaves moves for the author', () => {
		const first = updateLedger({}, [anchor('a', 'one two three four five six')]);
		expect(first.added).toBe(1);
		const edited = updateLedger(first.ledger, [anchor('a', 'one two three four five seven'), anchor('b', 'new')]);
		expect(edited.added).toBe(1);
		expect(edited.ledger[page]!['a']).toMatchObject({ fp: fingerprint('one two three four five seven') });
		const rewritten = updateLedger(first.ledger, [anchor('a', 'something else entirely')]);
		expect(rewritten.ledger[page]!['a']).toEqual(first.ledger[page]!['a']);
	});

	it('reports a malformed file clearly', () => {
		expect(parseLedger('{').problems[0]!.message).toMatch(/not valid JSON/);
		expect(parseLedger('{"/x/": {"a": {"foo": 1}}}').problems[0]!.message).toMatch(/"\/x\/" → "a" is neither/);
		expect(parseLedger(undefined)).toEqual({ ledger: {}, problems: [] });
	});
});
