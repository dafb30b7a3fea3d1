import { formatDate } from './dates';

/** "10 January 2022", or "about 6 March 2022" when the evidence fixes the date only roughly. */
export const articleDate = (data: { published: Date; dateApproximate: boolean }): string =>
	`${data.dateApproximate ? 'about ' : ''}${formatDate(data.published)}`;
