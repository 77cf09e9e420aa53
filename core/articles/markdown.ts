/**
 * Article body Markdown -> typed blocks the mini-program renders natively (selectable text, no rich-text HTML).
 * Pure: no I/O. marked's lexer does the parsing; this module only decides what each token becomes.
 * Inline markup (bold, links, code) is flattened to its text: the reader shows plain, readable prose.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import type { ArticleBlock } from '../../miniprogram/contracts/articles';
import { isLoadableImageSource } from './document';

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

/** The text of inline tokens, markup dropped. Images inside are not text: callers lift them out first. */
function inlineText(tokens: readonly Token[] | undefined, fallback = ''): string {
  if (!tokens) return decodeEntities(fallback);
  return tokens
    .map((token): string => {
      switch (token.type) {
        case 'br':
          return '\n';
        case 'html':
          return ''; // tags typed into a document are not shown as text
        case 'image':
          return '';
        case 'escape':
          return (token as Tokens.Escape).text;
        case 'codespan':
          return decodeEntities((token as Tokens.Codespan).text);
        default: {
          const withChildren = token as Token & { tokens?: Token[]; text?: string };
          return withChildren.tokens ? inlineText(withChildren.tokens) : decodeEntities(withChildren.text ?? '');
        }
      }
    })
    .join('');
}

function imageBlock(token: Tokens.Image): ImageBlock {
  const href = token.href.trim();
  const caption = inlineText(token.tokens, token.text).trim();
  // A source that is only a file name (the report names a photo it does not carry) keeps the name, shows no image.
  return isLoadableImageSource(href)
    ? { type: 'image', src: href, name: '', caption }
    : { type: 'image', src: '', name: href, caption };
}

/** A paragraph may hold images: each becomes its own block, the text around them stays paragraphs. */
function paragraphBlocks(tokens: readonly Token[]): Block[] {
  const blocks: Block[] = [];
  let pending: Token[] = [];
  const flush = (): void => {
    const text = inlineText(pending).trim();
    if (text !== '') blocks.push({ type: 'paragraph', text });
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
      if (block.type === 'paragraph' || block.type === 'heading') out.push(block.text);
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
