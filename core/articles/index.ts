export { articlesActions } from './actions';
export { markdownToBlocks } from './markdown';
export { deriveSummary, summaryOf } from './summary';
export { normalizeArticle, normalizeDate, isLoadableImageSource, ARTICLES_COLLECTION } from './document';
export type { ArticleDocument, ArticleStatus, NormalizedArticle } from './document';
export { ArticlesRepository } from './repository';
export { encodeCursor, decodeCursor } from './cursor';
