/**
 * 写心得: title, content with a live count against the limits (in characters as readers count them), and
 * the session it is about (default: the group discussion). The draft is saved as the trainee types
 * (debounced) and when the page is left, restored on return; submitting shows its state, the draft is
 * removed only after the function confirmed, and a failure keeps it and offers a retry with the same
 * requestId. With `?id=` the page changes one of one's own reflections (e.g. after it was returned).
 */
import { REFLECTION_LIMITS as LIMITS, type ReflectionView } from '../../contracts/reflections';
import type { OverviewResponse, SessionView } from '../../contracts/training';
import { countGraphemes, isBlank, tidy } from '../../lib/graphemes';
import { reflectionAction, submitReflection, updateReflection } from '../../services/reflections';
import { getOverview } from '../../services/training';
import { fontSizeBehavior } from '../../shell/font-size-behavior';
import { queryParam, reflectionPage } from '../../shell/routes';
import { loadScreen, type ScreenStatus } from '../../shell/screen-load';
import {
  clearDraft,
  DRAFT_SAVE_DELAY_MS,
  newRequestId,
  readDraft,
  saveDraft,
  type Draft,
  type DraftTarget,
} from '../lib/draft';

interface SessionOption {
  id: string;
  title: string;
}

const DEFAULT_SESSION: SessionOption = { id: '', title: '分组研讨（默认）' };

const timers = new WeakMap<object, ReturnType<typeof setTimeout>>();

function sessionsOf(overview: OverviewResponse): SessionView[] {
  return [...overview.days.flatMap((day) => day.sessions), ...overview.unscheduled];
}

/** The session 分组研讨（默认） stands for: the course's first group discussion, as the function picks it. */
function defaultSessionIdOf(overview: OverviewResponse): string {
  return sessionsOf(overview).find((session) => session.kind === 'discussion')?.id ?? '';
}

function sessionOptions(overview: OverviewResponse): SessionOption[] {
  const sessions = sessionsOf(overview);
  const discussions = sessions.filter((session) => session.kind === 'discussion');
  const others = sessions.filter((session) => session.kind !== 'discussion');
  return [DEFAULT_SESSION, ...[...discussions, ...others].map((session) => ({ id: session.id, title: session.title }))];
}

/** What is wrong with the text, in the words the function would use; '' when it may be sent. */
function problemOf(title: string, content: string): string {
  const titleCount = countGraphemes(tidy(title));
  const contentCount = countGraphemes(tidy(content));
  if (isBlank(title)) return '请填写标题';
  if (titleCount > LIMITS.titleMax) return `标题不能超过 ${LIMITS.titleMax} 个字`;
  if (isBlank(content) || contentCount < LIMITS.contentMin) return `正文至少 ${LIMITS.contentMin} 个字`;
  if (contentCount > LIMITS.contentMax) return `正文不能超过 ${LIMITS.contentMax} 个字`;
  return '';
}

Component({
  behaviors: [fontSizeBehavior],
  data: {
    status: 'ready' as ScreenStatus,
    errorMessage: '',
    limits: LIMITS,
    /** 'new' or the id of the reflection being changed. */
    target: 'new' as DraftTarget,
    editing: false,
    requestId: '',
    title: '',
    content: '',
    /** Bound to the fields only when text is put in from outside (restore), so typing never jumps the cursor. */
    titleValue: '',
    contentValue: '',
    titleCount: 0,
    contentCount: 0,
    titleOver: false,
    contentShort: true,
    contentOver: false,
    sessions: [DEFAULT_SESSION] as SessionOption[],
    /** The list of sessions is open (a plain list of large rows: easier than a picker wheel for older hands). */
    choosingSession: false,
    sessionIndex: 0,
    sessionId: '',
    /** The course's group discussion, what 分组研讨（默认） stands for ('' until the sessions are read). */
    defaultSessionId: '',
    restored: false,
    /** idle | submitting | failed */
    submitState: 'idle',
    submitError: '',
    formError: '',
  },
  lifetimes: {
    detached() {
      this.flushDraft();
    },
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const id = queryParam(query, 'id');
      const target: DraftTarget = id === '' ? 'new' : id;
      this.setData({ target, editing: id !== '' });
      wx.setNavigationBarTitle?.({ title: id === '' ? '写心得' : '修改心得' });
      const draft = readDraft(target);
      if (draft !== null) this.restore(draft, true);
      else if (id !== '') void this.loadExisting(id);
      else this.setData({ requestId: newRequestId() });
      void this.loadSessions();
    },

    onHide() {
      this.flushDraft();
    },

    onUnload() {
      this.flushDraft();
    },

    /** Changing a reflection with no draft of the change yet: start from what is stored. */
    async loadExisting(id: string) {
      await loadScreen(
        this,
        () => reflectionAction('get', id),
        ({ reflection }: { reflection: ReflectionView }) => {
          this.setData({ status: 'ready' });
          this.restore(
            {
              requestId: newRequestId(),
              title: reflection.title,
              content: reflection.content,
              sessionId: reflection.sessionId ?? '',
              savedAt: 0,
            },
            false,
          );
        },
      );
    },

    async loadSessions() {
      const result = await getOverview();
      if (!result.ok) return; // The default session still applies; the picker just offers no others.
      const sessions = sessionOptions(result.data);
      this.setData({ defaultSessionId: defaultSessionIdOf(result.data) });
      const index = Math.max(
        0,
        sessions.findIndex((session) => session.id === this.data.sessionId),
      );
      this.setData({ sessions, sessionIndex: index });
    },

    restore(draft: Draft, fromStorage: boolean) {
      this.setData({
        requestId: draft.requestId,
        sessionId: draft.sessionId,
        titleValue: draft.title,
        contentValue: draft.content,
        restored: fromStorage && (draft.title !== '' || draft.content !== ''),
      });
      this.applyText(draft.title, draft.content);
      const index = this.data.sessions.findIndex((session) => session.id === draft.sessionId);
      if (index >= 0) this.setData({ sessionIndex: index });
    },

    applyText(title: string, content: string) {
      const titleCount = countGraphemes(tidy(title));
      const contentCount = countGraphemes(tidy(content));
      this.setData({
        title,
        content,
        titleCount,
        contentCount,
        titleOver: titleCount > LIMITS.titleMax,
        contentShort: contentCount < LIMITS.contentMin,
        contentOver: contentCount > LIMITS.contentMax,
        formError: '',
      });
    },

    onTitleInput(event: WechatMiniprogram.Input) {
      this.applyText(event.detail.value, this.data.content);
      this.scheduleSave();
    },

    onContentInput(event: WechatMiniprogram.Input) {
      this.applyText(this.data.title, event.detail.value);
      this.scheduleSave();
    },

    onToggleSessions() {
      this.setData({ choosingSession: !this.data.choosingSession });
    },

    onSessionTap(event: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>) {
      const index = Number(event.currentTarget.dataset.index);
      const session = this.data.sessions[index];
      if (!session) return;
      this.setData({ sessionIndex: index, sessionId: session.id, choosingSession: false });
      this.scheduleSave();
    },

    scheduleSave() {
      const pending = timers.get(this);
      if (pending !== undefined) clearTimeout(pending);
      timers.set(
        this,
        setTimeout(() => this.flushDraft(), DRAFT_SAVE_DELAY_MS),
      );
    },

    /** Write the draft now (typing paused, the page hidden or closed). Nothing typed: nothing kept. */
    flushDraft() {
      const pending = timers.get(this);
      if (pending !== undefined) clearTimeout(pending);
      timers.delete(this);
      const { target, requestId, title, content, sessionId } = this.data;
      if (requestId === '' || (title === '' && content === '')) return;
      saveDraft(target, { requestId, title, content, sessionId });
    },

    async onSubmit() {
      if (this.data.submitState === 'submitting') return;
      const problem = problemOf(this.data.title, this.data.content);
      if (problem !== '') {
        this.setData({ formError: problem });
        return;
      }
      // The draft on disk first: whatever happens to the request, the text is safe.
      this.flushDraft();
      this.setData({ submitState: 'submitting', submitError: '', formError: '' });
      const { target, editing, requestId, title, content } = this.data;
      // Changing a reflection, 分组研讨（默认） must be named: an update without a session keeps the stored one.
      const sessionId = this.data.sessionId !== '' ? this.data.sessionId : editing ? this.data.defaultSessionId : '';
      const fields = { title, content, ...(sessionId === '' ? {} : { sessionId }) };
      const result = editing
        ? await updateReflection({ id: target, ...fields })
        : await submitReflection({ requestId, ...fields });
      if (!result.ok) {
        // The draft stays, with its requestId: 重试 sends the same request again.
        this.setData({ submitState: 'failed', submitError: result.error.message });
        return;
      }
      const { reflection } = result.data;
      if (!editing && (reflection.title !== tidy(title) || reflection.content !== tidy(content))) {
        // This requestId was stored already (a submit that timed out on the phone but reached the server) and
        // the text on screen is a later edit of it: it becomes a change of that reflection, sent at once.
        clearDraft(target);
        this.setData({ target: reflection.id, editing: true, submitState: 'idle' });
        this.flushDraft();
        void this.onSubmit();
        return;
      }
      // Forget the text before leaving: the page's unload would otherwise write the draft back (flushDraft).
      this.setData({ submitState: 'idle', restored: false, requestId: '', title: '', content: '' });
      clearDraft(target);
      void wx.showToast({
        title: reflection.status === 'published' ? '已发表' : '已提交，等待审核',
        icon: reflection.status === 'published' ? 'success' : 'none',
      });
      void wx.redirectTo({ url: reflectionPage(reflection.id) });
    },

    /** The failed submit's 重新提交: the same draft, the same requestId. */
    onRetrySubmit() {
      void this.onSubmit();
    },

    /** The error state's 重新加载 (the stored reflection could not be read). */
    onRetry() {
      if (this.data.editing) void this.loadExisting(this.data.target);
    },
  },
});
