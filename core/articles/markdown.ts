/**
 * Article body Markdown -> typed blocks the mini-program renders natively (selectable text, no rich-text HTML).
 * Pure: no I/O. marked's lexer does the parsing; this module only decides what each token becomes.
 *
 * Safety: nothing here ever produces HTML. Raw HTML typed into a body (html tokens: <script>, <img onerror>,
 * comments) is dropped, and a character reference such as &lt;script&gt; becomes literal text, which WXML
 * shows as text. A link keeps its address only when it is http, https or mailto (javascript:, data:,
 * vbscript:, relative paths... keep just their words).
 *
 * Paragraphs keep bold, italic and links as spans; headings, quotes and list items are plain text, with a
 * link's address written after its words so it is not lost.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import type { ArticleBlock, InlineSpan } from '../../miniprogram/contracts/articles';
import { isLoadableImageSource } from './read-stored';

type Block = ArticleBlock;
type ImageBlock = Extract<ArticleBlock, { type: 'image' }>;

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** marked keeps character references as typed; the reader wants the characters. */
function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const SAFE_LINK = /^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i;

/** The address a reader may copy, or '' for anything that is not plainly http(s) or mailto. */
export function safeLinkAddress(href: string): string {
  const trimmed = href.trim();
  // Control characters and whitespace inside a scheme are the usual ways to disguise javascript:.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) return '';
  return SAFE_LINK.test(trimmed) ? trimmed : '';
}

interface Style {
  bold?: boolean;
  italic?: boolean;
  href?: string;
}

/** Elements whose content is code or markup, not prose: everything between their tags goes with them. */
const HIDDEN_ELEMENT = /^<(script|style|iframe|textarea|title|noscript|template)\b/i;

/** Inline tokens without raw HTML elements that hide their content (`a <script>x</script> b` -> `a  b`). */
function withoutHiddenElements(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  let closing: RegExp | null = null;
  for (const token of tokens) {
    if (closing !== null) {
      if (token.type === 'html' && closing.test(token.raw)) closing = null;
      continue;
    }
    const opened = token.type === 'html' ? HIDDEN_ELEMENT.exec(token.raw) : null;
    if (opened && !new RegExp(`</${opened[1]}\\s*>`, 'i').test(token.raw)) closing = new RegExp(`^</${opened[1]}`, 'i');
    else out.push(token);
  }
  return out;
}

/** Inline tokens as styled runs. Images inside are not text: callers lift them out first. */
function inlineSpans(tokens: readonly Token[] | undefined, fallback: string, style: Style = {}): InlineSpan[] {
  if (!tokens) return [{ text: decodeEntities(fallback), ...style }];
  return withoutHiddenElements(tokens).flatMap((token): InlineSpan[] => {
    switch (token.type) {
      case 'br':
        return [{ text: '\n', ...style }];
      case 'html':
      case 'image':
        return []; // tags typed into a document are neither rendered nor shown as text
      case 'escape':
        return [{ text: (token as Tokens.Escape).text, ...style }];
      case 'codespan':
        return [{ text: decodeEntities((token as Tokens.Codespan).text), ...style }];
      case 'strong':
        return inlineSpans((token as Tokens.Strong).tokens, (token as Tokens.Strong).text, { ...style, bold: true });
      case 'em':
        return inlineSpans((token as Tokens.Em).tokens, (token as Tokens.Em).text, { ...style, italic: true });
      case 'link': {
        const link = token as Tokens.Link;
        const href = safeLinkAddress(link.href);
        const spans = inlineSpans(link.tokens, link.text, href === '' ? style : { ...style, href });
        // A link whose words are empty still shows its address.
        return spans.some((span) => span.text.trim() !== '') || href === '' ? spans : [{ text: href, ...style, href }];
      }
      default: {
        const withChildren = token as Token & { tokens?: Token[]; text?: string };
        return withChildren.tokens
          ? inlineSpans(withChildren.tokens, '', style)
          : [{ text: decodeEntities(withChildren.text ?? ''), ...style }];
      }
    }
  });
}

/** Neighbouring runs of the same style joined, empty ones dropped. */
function mergeSpans(spans: readonly InlineSpan[]): InlineSpan[] {
  const out: InlineSpan[] = [];
  for (const span of spans) {
    if (span.text === '') continue;
    const last = out[out.length - 1];
    if (last && last.bold === span.bold && last.italic === span.italic && last.href === span.href) {
      last.text += span.text;
    } else {
      out.push({ ...span });
    }
  }
  return out;
}

/** Plain text of runs; a link's address follows its words (unless the words are the address). */
function spansText(spans: readonly InlineSpan[], withAddresses: boolean): string {
  return spans
    .map((span) =>
      withAddresses && span.href && span.text.trim() !== span.href ? `${span.text}（${span.href}）` : span.text,
    )
    .join('');
}

/** The text of inline tokens, markup dropped, link addresses kept in brackets. */
function inlineText(tokens: readonly Token[] | undefined, fallback = ''): string {
  return spansText(mergeSpans(inlineSpans(tokens, fallback)), true);
}

/** Trim the runs as a whole (leading space of the first, trailing of the last). */
function trimSpans(spans: InlineSpan[]): InlineSpan[] {
  if (spans.length === 0) return spans;
  spans[0] = { ...spans[0], text: spans[0].text.replace(/^\s+/, '') };
  const end = spans.length - 1;
  spans[end] = { ...spans[end], text: spans[end].text.replace(/\s+$/, '') };
  return spans.filter((span) => span.text !== '');
}

function paragraphBlock(tokens: readonly Token[]): Block | null {
  const spans = trimSpans(mergeSpans(inlineSpans(tokens, '')));
  const text = spansText(spans, false);
  if (text.trim() === '') return null;
  const styled = spans.some((span) => span.bold || span.italic || span.href);
  return styled ? { type: 'paragraph', text, spans } : { type: 'paragraph', text };
}

function imageBlock(token: Tokens.Image): ImageBlock {
  const href = token.href.trim();
  const caption = inlineText(token.tokens, token.text).trim();
  if (isLoadableImageSource(href)) return { type: 'image', src: href, name: '', caption };
  // A source that is only a file name (the report names a photo it does not carry) keeps the name, shows
  // no image (an http:// address too: it cannot load in a mini-program); an address of another kind
  // (javascript:, data:, vbscript:) is not a name worth showing.
  const isName = !/^[a-z][a-z0-9+.-]*:/i.test(href) || /^https?:/i.test(href);
  return { type: 'image', src: '', name: isName ? href : '', caption };
}

/** A paragraph may hold images: each becomes its own block, the text around them stays paragraphs. */
function paragraphBlocks(tokens: readonly Token[]): Block[] {
  const blocks: Block[] = [];
  let pending: Token[] = [];
  const flush = (): void => {
    const block = paragraphBlock(pending);
    if (block) blocks.push(block);
    pending = [];
  };
  for (const token of tokens) {
    if (token.type === 'image') {
      flush();
      blocks.push(imageBlock(token as Tokens.Image));
    } else {
      pending.push(token);
    }
  }
  flush();
  return blocks;
}

function headingLevel(depth: number): 2 | 3 | 4 {
  // The article title is the page's h1: a '#' in the body is the top section level.
  if (depth <= 2) return 2;
  return depth === 3 ? 3 : 4;
}

/** Every line of text inside nested block tokens (used for blockquotes and list items). */
function plainParagraphs(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    for (const block of tokenBlocks(token)) {
      if (block.type === 'paragraph') out.push(block.spans ? spansText(block.spans, true) : block.text);
      else if (block.type === 'heading') out.push(block.text);
      else if (block.type === 'quote') out.push(...block.paragraphs);
      else if (block.type === 'list') out.push(...block.items);
      else if (block.caption !== '') out.push(block.caption);
    }
  }
  return out;
}

function tokenBlocks(token: Token): Block[] {
  switch (token.type) {
    case 'heading': {
      const heading = token as Tokens.Heading;
      const text = inlineText(heading.tokens, heading.text).trim();
      return text === '' ? [] : [{ type: 'heading', level: headingLevel(heading.depth), text }];
    }
    case 'paragraph':
      return paragraphBlocks((token as Tokens.Paragraph).tokens);
    case 'text': {
      // Top-level text tokens appear in tight lists; elsewhere treat them as a paragraph.
      const textToken = token as Tokens.Text;
      return textToken.tokens ? paragraphBlocks(textToken.tokens) : paragraphBlocks([textToken]);
    }
    case 'blockquote': {
      const paragraphs = plainParagraphs((token as Tokens.Blockquote).tokens);
      return paragraphs.length === 0 ? [] : [{ type: 'quote', paragraphs }];
    }
    case 'list': {
      const list = token as Tokens.List;
      const items = list.items.map((item) => plainParagraphs(item.tokens).join('\n')).filter((item) => item !== '');
      return items.length === 0 ? [] : [{ type: 'list', ordered: list.ordered, items }];
    }
    case 'code': {
      const text = (token as Tokens.Code).text.trim();
      return text === '' ? [] : [{ type: 'paragraph', text }];
    }
    case 'table': {
      const table = token as Tokens.Table;
      const rows = [table.header, ...table.rows].map((cells) =>
        cells.map((cell) => inlineText(cell.tokens, cell.text).trim()).join('　'),
      );
      return rows.filter((row) => row.trim() !== '').map((text) => ({ type: 'paragraph', text }));
    }
    default:
      // space, hr, html blocks and anything a future marked adds: nothing to read.
      return [];
  }
}

export function markdownToBlocks(markdown: string): ArticleBlock[] {
  return new Lexer().lex(markdown).flatMap(tokenBlocks);
}
