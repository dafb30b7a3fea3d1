/**
 * The contents of the timeline's details panel for one event, copied from the event's entry in the
 * list (so the two never disagree) and arranged for the panel: its own heading, the event on the
 * left and its sources on the right, a share control and a link to the event elsewhere.
 */
export interface DetailsOptions {
	/** Id for the panel's heading. */
	headingId: string;
	headingLevel: number;
	/** The event's title, for the copy control's name. */
	title: string;
	/** The event's link: `#id` on the timeline page, `/timeline/#id` elsewhere. */
	href: string;
	/** On the timeline page the list is below; elsewhere the full timeline is a page away. */
	onTimelinePage: boolean;
	onClose: () => void;
}

export function detailsContent(entry: Element, o: DetailsOptions): { nodes: Node[]; heading: HTMLElement } {
	const body = entry.cloneNode(true) as HTMLElement;
	body.removeAttribute('aria-labelledby');
	body.querySelectorAll('[id]').forEach((el) => el.removeAttribute('id'));
	body.querySelector('.tl-actions')?.remove();

	const oldTitle = body.querySelector('.tl-title');
	const heading = document.createElement(`h${Math.min(6, Math.max(2, o.headingLevel))}`);
	heading.id = o.headingId;
	heading.className = 'tl-title';
	heading.tabIndex = -1;
	heading.textContent = oldTitle?.textContent ?? o.title;
	oldTitle?.replaceWith(heading);

	// Two columns on wide screens: the event on the left, its sources on the right.
	const aside = document.createElement('div');
	aside.className = 'tl-details-aside';
	aside.append(...body.querySelectorAll('.tl-sources, .tl-people'));
	const main = document.createElement('div');
	main.className = 'tl-details-main';
	main.append(...body.childNodes);
	body.append(main, aside);

	// A fresh <share-link> with the list entry's share data: ShareLink's script makes it a menu button once connected.
	const copy = document.createElement('share-link');
	copy.className = 'share-link no-print';
	const link = document.createElement('a');
	const source = entry.querySelector<HTMLElement>('.share-control');
	for (const [key, value] of Object.entries(source?.dataset ?? {})) if (key !== 'href') link.dataset[key] = value;
	link.className = 'share-control tl-copy';
	link.href = o.href;
	link.setAttribute('aria-label', `Link to event “${o.title}”`);
	link.dataset.label = `event “${o.title}”`;
	link.textContent = 'Share';
	copy.append(link);
	const more = document.createElement('a');
	more.className = 'tl-more';
	more.href = o.href;
	more.textContent = o.onTimelinePage ? 'Show in the list' : 'Open in the full timeline';
	const actions = document.createElement('p');
	actions.className = 'tl-panel-actions ui';
	actions.append(copy, more);

	const close = document.createElement('button');
	close.type = 'button';
	close.className = 'tl-close';
	close.textContent = 'Close';
	close.setAttribute('aria-label', 'Close details');
	close.addEventListener('click', o.onClose);

	// Close comes last in reading order (focus starts on the title); it is drawn at the top right.
	return { nodes: [body, actions, close], heading };
}
