import { describe, expect, it } from 'vitest';
import { encodeTerm, selectionUrl, textDirective } from '../../src/lib/text-fragment';

const page = 'NATO said the door stays open. Russia said the door must close. The talks ended without a deal.';

describe('text fragments for a selection', () => {
	it('links a short selection by its exact words, encoding the directive’s own syntax', () => {
		expect(textDirective({ text: 'stays open', before: 'NATO said the door ', after: '. Russia', page })).toBe(
			'text=stays%20open',
		);
		expect(encodeTerm('NATO-Russia, “open”')).toBe('NATO%2DRussia%2C%20%E2%80%9Copen%E2%80%9D');
	});

	it('adds the words around a phrase that occurs more than once, so the link finds this one', () => {
		expect(
			textDirective({
				text: 'the door',
				before: 'NATO said the door stays open. Russia said ',
				after: ' must close.',
				page,
			}),
		).toBe('text=open.%20Russia%20said-,the%20door,-must%20close.');
	});

	it('links a long selection by its first and last words', () => {
		const text = 'The talks ended without a deal after a long week of meetings in three cities across Europe';
		expect(textDirective({ text, before: '', after: '', page: text })).toBe(
			'text=The%20talks%20ended%20without,three%20cities%20across%20Europe',
		);
	});

	it('takes in the rest of a word cut by the selection (browsers match whole words)', () => {
		expect(textDirective({ text: 'oor stays op', before: 'NATO said the d', after: 'en. Russia', page })).toBe(
			'text=door%20stays%20open',
		);
	});

	it('has nothing to link for a selection of space or punctuation', () => {
		expect(textDirective({ text: ' — ', before: 'a', after: 'b', page })).toBeUndefined();
	});

	it('keeps the nearest paragraph in the address, so the link lands there without the words', () => {
		expect(selectionUrl('https://example.org/articles/x/?highlight=nato#p2', 'p7', 'text=door')).toBe(
			'https://example.org/articles/x/#p7:~:text=door',
		);
		expect(selectionUrl('https://example.org/articles/x/', 'p7', undefined)).toBe('https://example.org/articles/x/#p7');
	});
});
