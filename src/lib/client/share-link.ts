/**
 * The eager half of the share menu, kept to a few hundred bytes (a reading page's eager JavaScript
 * budget is 2 KB): each `<share-link>` becomes a menu button. The menu (share-menu.ts) ships in an
 * inert template that the search trigger (search/trigger.ts) loads on first use, like every
 * on-demand feature: when a pointer or focus reaches a share button (`data-lazy-for`), holding a
 * click that comes before it has loaded; and, asked from here, when words are selected in the
 * text (for "Copy link to selection"). The menu then handles clicks on the buttons itself.
 */
export {}; // a module: its names stay its own

customElements.define(
	'share-link',
	class extends HTMLElement {
		connectedCallback() {
			const link = this.querySelector('a');
			if (!link) return;
			const button = document.createElement('button');
			for (const { name, value } of link.attributes) if (name !== 'href') button.setAttribute(name, value);
			button.type = 'button';
			button.dataset.href = link.getAttribute('href')!;
			button.textContent = link.dataset.text ?? link.textContent;
			// The visible words lead the name (WCAG 2.5.3, label in name): "Share or cite this article".
			button.setAttribute('aria-label', `${link.dataset.text ?? 'Share'} ${link.dataset.label}`);
			button.setAttribute('aria-haspopup', 'menu');
			button.setAttribute('aria-expanded', 'false');
			link.replaceWith(button);
		}
	},
);

document.addEventListener('selectionchange', () => {
	const selection = getSelection();
	if (selection && !selection.isCollapsed && selection.anchorNode?.parentElement?.closest('[data-share-text]'))
		dispatchEvent(new CustomEvent('lazy:load', { detail: 'share-menu' }));
});
