/**
 * A study note says it is one: the articles read keeps its category (学习笔记), so the reading page can
 * name it in the navigation bar; a report without a category reads as none, never as a study note.
 */
import { normalizeArticle } from '../../../core/articles/read-stored';
import { STUDY_NOTE_CATEGORY } from '../../../miniprogram/contracts/articles';
import { loadSeedTraining } from '../../../seed/training/index';

const seed = loadSeedTraining(new Date('2024-11-26T00:00:00Z'));

describe('study note category', () => {
  it('keeps 学习笔记 on every seeded study note', () => {
    expect(seed.notes.length).toBeGreaterThan(0);
    for (const note of seed.notes) expect(normalizeArticle(note)?.category).toBe(STUDY_NOTE_CATEGORY);
  });

  it('reads a missing category as none, and trims a typed one', () => {
    const report = { _id: 'r1', title: '报道', status: 'published' };
    expect(normalizeArticle(report)?.category).toBe('');
    expect(normalizeArticle({ ...report, category: '  学习笔记 ' })?.category).toBe(STUDY_NOTE_CATEGORY);
  });
});
