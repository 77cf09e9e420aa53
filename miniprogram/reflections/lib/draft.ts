/**
 * The write page's draft, kept in storage as the trainee types (wx storage survives closing the app and
 * restarts), removed only once the server confirmed the reflection. One draft per target: the new
 * reflection, or each reflection being changed.
 *
 * The draft carries its requestId: made once when the draft starts, sent with every submit attempt of
 * it, so a retry after a timeout or a double tap is recognised by the function and never stored twice.
 */

export interface Draft {
  requestId: string;
  title: string;
  content: string;
  /** '' = the default (the group discussion). */
  sessionId: string;
  /** ms since 1970, when last saved. */
  savedAt: number;
}

/** What a draft belongs to: 'new', or the id of one's reflection being changed. */
export type DraftTarget = string;

const PREFIX = 'reflection-draft';

/** Typing pauses this long before the draft is written to storage. */
export const DRAFT_SAVE_DELAY_MS = 800;

/**
 * Whose drafts these are. WeChat keeps each user's storage apart (storage is per WeChat user and
 * mini-program; the preview simulates the same per identity), so the phone user's own storage is
 * already per person and the key needs no openid, which the client never learns.
 */
export function draftOwner(): string {
  return 'self';
}

export function draftKey(target: DraftTarget): string {
  return `${PREFIX}:${draftOwner()}:${target}`;
}

/** A requestId: time and randomness, letters and digits only (the function accepts [A-Za-z0-9_-]{8,64}). */
export function newRequestId(now: number = Date.now()): string {
  const random = () =>
    Math.floor(Math.random() * 36 ** 6)
      .toString(36)
      .padStart(6, '0');
  return `r${now.toString(36)}${random()}${random()}`;
}

function isDraft(value: unknown): value is Draft {
  if (value === null || typeof value !== 'object') return false;
  const draft = value as Record<string, unknown>;
  return (
    typeof draft.requestId === 'string' &&
    draft.requestId.length >= 8 &&
    typeof draft.title === 'string' &&
    typeof draft.content === 'string' &&
    typeof draft.sessionId === 'string'
  );
}

/** The saved draft, or null (none, or something unreadable left by an older version). */
export function readDraft(target: DraftTarget): Draft | null {
  try {
    const stored: unknown = wx.getStorageSync(draftKey(target));
    return isDraft(stored) ? stored : null;
  } catch {
    return null;
  }
}

export function saveDraft(target: DraftTarget, draft: Omit<Draft, 'savedAt'>): void {
  try {
    wx.setStorageSync(draftKey(target), { ...draft, savedAt: Date.now() });
  } catch (error) {
    // Storage full (10 MB) or unavailable: the text stays on screen; say so once in the console.
    console.error('草稿保存失败', error);
  }
}

export function clearDraft(target: DraftTarget): void {
  try {
    wx.removeStorageSync(draftKey(target));
  } catch (error) {
    console.error('草稿清除失败', error);
  }
}
