/** Authorisation rows of the `training` function: the course, its schedule and materials are for everyone. */
import { EVERYONE } from './outcomes';
import type { AuthorizationRow } from './table';

export const rows: AuthorizationRow[] = [
  { fn: 'training', action: 'overview', event: () => ({}), expect: EVERYONE },
  { fn: 'training', action: 'session', event: () => ({ id: 'lecture-wu-wenyi' }), expect: EVERYONE },
  { fn: 'training', action: 'materials', event: () => ({}), expect: EVERYONE },
];
