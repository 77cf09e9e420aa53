/**
 * The training seed says only what the course report says. The report's text is in the project as the
 * seed article (seed/articles/xinyang-training-report.md): every name, post and topic must be found in it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { normalizeSession } from '../../../core/training/read-stored';
import { loadSeedTraining } from '../../../seed/training/index';

const report = readFileSync(path.resolve(__dirname, '../../../seed/articles/xinyang-training-report.md'), 'utf8');
const seed = loadSeedTraining(new Date('2024-11-26T00:00:00Z'));

describe('training seed', () => {
  it('takes every fact of the course from the report', () => {
    for (const field of ['name', 'theme', 'organiser', 'venue'] as const) {
      expect(report).toContain(seed.training[field]);
    }
    expect(report).toContain('11月18日至20日');
    expect(report).toContain('分成10个组');
  });

  it('takes every speaker, post and topic from the report', () => {
    for (const session of seed.sessions) {
      expect(report).toContain(session.title);
      for (const speaker of session.speakers ?? []) {
        expect(report).toContain(`${speaker.post}${speaker.name}`);
      }
    }
  });

  it('gives no lecture a day, hour or order, and nothing an hour at all', () => {
    for (const session of seed.sessions) {
      expect(session).not.toHaveProperty('start');
      expect(session).not.toHaveProperty('end');
      expect(session).not.toHaveProperty('order');
      if (session.kind === 'lecture') {
        expect(session).not.toHaveProperty('date');
        expect(session).not.toHaveProperty('partOfDay');
      }
    }
  });

  it('reads cleanly: no problems for an organiser to fix', () => {
    for (const session of seed.sessions) expect(normalizeSession(session)?.problems).toEqual([]);
  });

  it('gives each lecture a study note, labelled as such, whose quoted text is the report’s', () => {
    const lectures = seed.sessions.filter((session) => session.kind === 'lecture');
    expect(lectures).toHaveLength(5);
    for (const lecture of lectures) {
      const [materialId] = lecture.materialIds ?? [];
      const material = seed.materials.find((candidate) => candidate._id === materialId);
      expect(material).toMatchObject({ kind: 'article', label: '学习笔记', sessionId: lecture._id });
      const note = seed.notes.find((candidate) => candidate._id === material?.articleId);
      expect(note?.title.startsWith('学习笔记')).toBe(true);
      expect(note?.body).toContain('这是一份学习笔记');
      // A clause quoted from the middle of the report's sentence ends with 。 where the report goes on.
      const quoted = (note?.body.split('## 报道原文')[1].split('\n\n')[1] ?? '').replace(/。$/, '');
      expect(report).toContain(quoted);
    }
  });
});
