/** The one test of a calendar day, `YYYY-MM-DD`. Its own module, free of side effects, so browser code can use it too. */
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar day written YYYY-MM-DD: `2022-02-29` and `2022-13-01` are not. */
export function isCalendarDay(text: string): boolean {
	const date = new Date(`${text}T00:00:00Z`);
	return ISO_DAY.test(text) && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
