/**
 * <rich-text nodes>: an HTML string or WeChat's node array, drawn with the same whitelist of
 * tags WeChat accepts (no scripts, no event attributes); unknown tags are dropped, their text kept.
 */
import { defineBuiltIn, domOf } from './define';
import type { BuiltIn } from './define';

const ALLOWED_TAGS = new Set([
  'a',
  'abbr',
  'address',
  'article',
  'aside',
  'b',
  'bdi',
  'bdo',
  'big',
  'blockquote',
  'br',
  'caption',
  'center',
  'cite',
  'code',
  'col',
  'colgroup',
  'dd',
  'del',
  'div',
  'dl',
  'dt',
  'em',
  'fieldset',
  'font',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'i',
  'img',
  'ins',
  'label',
  'legend',
  'li',
  'mark',
  'nav',
  'ol',
  'p',
  'pre',
  'q',
  'rt',
  'ruby',
  's',
  'section',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'tt',
  'u',
  'ul',
]);
const ALLOWED_ATTRIBUTES = new Set([
  'class',
  'style',
  'src',
  'alt',
  'width',
  'height',
  'colspan',
  'rowspan',
  'start',
  'type',
  'align',
  'color',
  'size',
  'face',
]);

interface RichNode {
  type?: string;
  name?: string;
  attrs?: Record<string, string>;
  children?: RichNode[];
  text?: string;
}

function build(node: RichNode): Node | null {
  if (node.type === 'text') return document.createTextNode(node.text ?? '');
  const name = (node.name ?? '').toLowerCase();
  if (!ALLOWED_TAGS.has(name)) {
    const fragment = document.createDocumentFragment();
    (node.children ?? []).forEach((child) => {
      const built = build(child);
      if (built) fragment.appendChild(built);
    });
    return fragment;
  }
  const element = document.createElement(name);
  for (const [attribute, value] of Object.entries(node.attrs ?? {})) {
    if (ALLOWED_ATTRIBUTES.has(attribute.toLowerCase())) element.setAttribute(attribute, String(value));
  }
  (node.children ?? []).forEach((child) => {
    const built = build(child);
    if (built) element.appendChild(built);
  });
  return element;
}

function fromHtml(html: string): RichNode[] {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const convert = (node: Node): RichNode | null => {
    if (node.nodeType === Node.TEXT_NODE) return { type: 'text', text: node.textContent ?? '' };
    if (node.nodeType !== Node.ELEMENT_NODE) return null;
    const element = node as Element;
    const attrs: Record<string, string> = {};
    for (const attribute of Array.from(element.attributes)) attrs[attribute.name] = attribute.value;
    return {
      name: element.tagName.toLowerCase(),
      attrs,
      children: Array.from(element.childNodes)
        .map(convert)
        .filter((child): child is RichNode => child !== null),
    };
  };
  return Array.from(parsed.body.childNodes)
    .map(convert)
    .filter((child): child is RichNode => child !== null);
}

function render(this: BuiltIn): void {
  const nodes = this.data.nodes;
  const list = typeof nodes === 'string' ? fromHtml(nodes) : Array.isArray(nodes) ? (nodes as RichNode[]) : [];
  const container = domOf(this);
  let content = container.querySelector(':scope > .wxp-rich-text__content');
  if (!content) {
    content = document.createElement('span');
    content.className = 'wxp-rich-text__content';
    container.appendChild(content);
  }
  content.replaceChildren(...list.map(build).filter((node): node is Node => node !== null));
}

defineBuiltIn('rich-text', {
  properties: {
    nodes: { type: null, value: [] },
    space: { type: String, value: '' },
    userSelect: { type: Boolean, value: false },
  },
  observers: { nodes: render },
  lifetimes: { attached: render },
});
