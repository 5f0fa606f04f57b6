/**
 * Tiny DOM helpers for the classroom page (no framework).
 */

/** Attributes of {@link element}: strings set attributes, functions under `on…` add listeners. */
export type ElementAttributes = Record<string, string | number | boolean | null | undefined | EventListener>;

/**
 * Create an element with attributes and children. `class`, `id`, `aria-*`, `data-*` and other
 * attributes are set with setAttribute; `true` sets an empty attribute, `false`/null/undefined skip it;
 * keys starting with `on` add event listeners.
 *
 * @example element('button', { type: 'button', onclick: () => play() }, '▶ Play')
 */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: ElementAttributes = {},
  ...children: Array<Node | string | null | undefined | false>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child);
  }
  return node;
}

/**
 * The element with this id, typed; throws when the page lacks it (a bug in index.html).
 *
 * @example byId<HTMLButtonElement>('play')
 */
export function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`classroom page: missing element #${id}`);
  return node as T;
}

/**
 * Offer text as a file download (a Blob URL on a temporary link).
 *
 * @example downloadText('my-policy.yaml', yamlText, 'application/yaml')
 */
export function downloadText(fileName: string, text: string, type = 'text/plain'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = element('a', { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
