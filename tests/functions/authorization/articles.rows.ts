/** Authorisation rows of the `articles` function: published reading matter is for everyone. */
import { EVERYONE } from './outcomes';
import type { AuthorizationRow } from './table';

export const rows: AuthorizationRow[] = [
  { fn: 'articles', action: 'list', event: () => ({ limit: 5 }), expect: EVERYONE },
  { fn: 'articles', action: 'get', event: () => ({ id: 'report-20241126-xinyang-renda-training' }), expect: EVERYONE },
];
