/**
 * The seed articles as documents of the `articles` collection, read from the files beside this module.
 * Used by the local stack (local/seed.ts) and the tests; never bundled into a function.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { withReaderFields } from '../core/articles/admin';
import type { ArticleDocument } from '../core/articles/stored';

const ARTICLES_DIR = path.join(__dirname, 'articles');

interface SeedArticleMeta extends Omit<ArticleDocument, 'body' | 'updatedAt'> {
  bodyFile: string;
}

/**
 * Every seed article, body inlined, with what readers need computed (as a write through the function would).
 * `updatedAt` is the moment of the import, the only fact we add.
 */
export function loadSeedArticles(now: Date = new Date()): ArticleDocument[] {
  return readdirSync(ARTICLES_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const { bodyFile, ...meta } = JSON.parse(readFileSync(path.join(ARTICLES_DIR, file), 'utf8')) as SeedArticleMeta;
      const body = readFileSync(path.join(ARTICLES_DIR, bodyFile), 'utf8');
      return withReaderFields({ ...meta, body, updatedAt: now.toISOString() });
    });
}
