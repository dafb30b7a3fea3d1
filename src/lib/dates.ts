/** Dates are calendar days: they are formatted in UTC so no time zone can move them. */
const long = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "10 January 2022", as the editorial policy asks for prose. */
export const formatDate = (date: Date): string => long.format(date);

/** "2022-01-10", for `<time datetime>` and data. */
export const isoDate = (date: Date): string => date.toISOString().slice(0, 10);
