import { z } from 'astro/zod';
import { isCalendarDay } from '../lib/dates';
import { expect } from './messages';

const WHAT = 'an ISO 8601 date such as 2022-01-10';
const isMidnightUtc = (d: Date) => !Number.isNaN(d.getTime()) && d.toISOString().endsWith('T00:00:00.000Z');

/**
 * A calendar day, written `2022-01-10` (YAML reads it as a date at UTC midnight) or quoted.
 * Not `z.coerce.date()`: that accepts "6 March 2022" or "1", and parses them in the machine's
 * time zone, which can move the day.
 */
export const calendarDay = () =>
	z.preprocess(
		(value) => (typeof value === 'string' && isCalendarDay(value) ? new Date(`${value}T00:00:00Z`) : value),
		z
			.date({ error: expect(WHAT) })
			.refine(isMidnightUtc, { error: `${WHAT}, with no time of day` })
			.min(new Date('1949-01-01'), { error: 'the date is before 1949, which cannot be right for this story' })
			.max(new Date('2030-01-01'), { error: 'the date is in the future' }),
	);
