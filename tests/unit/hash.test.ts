import { describe, expect, it } from 'vitest';
import { idFromHash } from '../../src/lib/hash';

describe('ids from URL fragments', () => {
	it('decodes a fragment, with or without its #', () => {
		expect(idFromHash('#geneva-talks-open')).toBe('geneva-talks-open');
		expect(idFromHash('geneva-talks-open')).toBe('geneva-talks-open');
		expect(idFromHash('#caf%C3%A9')).toBe('café');
	});

	it('gives nothing for an empty fragment', () => {
		expect(idFromHash('')).toBeUndefined();
		expect(idFromHash('#')).toBeUndefined();
	});

	it('gives nothing, instead of throwing, for a malformed percent-escape', () => {
		for (const bad of ['#%E0%A4%A', '#%', '#%zz', '#a%E0']) expect(idFromHash(bad), bad).toBeUndefined();
	});
});
