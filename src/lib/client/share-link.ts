/**
 * The eager half of the share menu, kept to a few hundred bytes (a reading page's eager JavaScript
 * budget is 2 KB): each `<share-link>` becomes a menu button, and the menu (share-menu.ts) is
 * loaded from its inert template on first use — a click on a share button, or a text selection in
 * the text (for "Copy link to selection"). The search trigger also preloads it when a pointer or
 * focus reaches a share button (`data-lazy-for`); a module runs once however often it is added.
 */
export {}; // a module: its names stay its own

let loading: Promise<unknown> | undefined;

function load(): Promise<unknown> {
	return (loading ??= new Promise((resolve, reject) => {
		const original = document
			.querySelector<HTMLTemplateElement>('template[data-lazy="share-menu"]')
			?.content.querySelector('script');
		if (!original) return reject(new Error('no share menu on this page'));
		const script = document.createElement('script');
		script.type = 'module';
		script.src = original.src;
		script.onload = resolve;
		script.onerror = () => {
			loading = undefined;
			reject(new Error('the share menu did not load'));
		};
		document.head.append(script);
	}));
}

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
			button.setAttribute('aria-label', `Share ${link.dataset.label}`);
			button.setAttribute('aria-haspopup', 'menu');
			button.setAttribute('aria-expanded', 'false');
			link.replaceWith(button);
		}
	},
);

addEventListener('click', (event) => {
	const button = (event.target as Element).closest?.('button.share-control');
	if (button) void load().then(() => dispatchEvent(new CustomEvent('share:open', { detail: button })));
});

document.addEventListener('selectionchange', () => {
	const selection = getSelection();
	if (selection && !selection.isCollapsed && selection.anchorNode?.parentElement?.closest('[data-share-text]'))
		void load();
});
