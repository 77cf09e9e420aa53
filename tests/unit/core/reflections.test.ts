/** The pure parts of core/reflections and the grapheme helpers they share with the write page. */
import { countGraphemes, excerpt, isBlank, tidy } from '../../../miniprogram/lib/graphemes';
import { splitForCheck } from '../../../core/reflections/content-check';
import { parseWordList } from '../../../core/reflections/word-list-check';
import { isDuplicateKeyError, readOpenUntil } from '../../../core/reflections/repository';
import { canMove, transition, TRANSITIONS } from '../../../core/reflections/status';

describe('graphemes', () => {
  it('counts what readers see as one character as one', () => {
    expect(countGraphemes('学习')).toBe(2);
    expect(countGraphemes('👍🏽')).toBe(1);
    expect(countGraphemes('👨‍👩‍👧‍👦')).toBe(1);
    expect(countGraphemes('🇨🇳')).toBe(1);
    expect(countGraphemes('é')).toBe(1); // e + combining acute
  });

  it('takes whitespace and invisible characters off the ends only, never a variation selector', () => {
    expect(tidy('\u200B\uFEFF 标题 \u2060\n')).toBe('标题');
    expect(tidy('❤️')).toBe('❤️');
    expect(tidy('a\u200Bb')).toBe('a\u200Bb');
  });

  it('finds text blank when only whitespace, zero-width, BOM or selectors remain', () => {
    for (const blank of ['', ' \n\t\u3000', '\u200B\u200C\u200D', '\uFEFF\u2060', '\uFE0F', '\u00AD\u3164']) {
      expect(isBlank(blank)).toBe(true);
    }
    expect(isBlank('\u200B字')).toBe(false);
  });

  it('cuts an excerpt at a grapheme, never inside an emoji', () => {
    expect(excerpt('👍🏽'.repeat(5), 3)).toBe('👍🏽👍🏽👍🏽…');
    expect(excerpt('短', 3)).toBe('短');
  });
});

describe('content check parts', () => {
  it('splits long text into parts of at most 2,500 UTF-16 units at grapheme boundaries', () => {
    const parts = splitForCheck('👍🏽'.repeat(1000)); // 4,000 units
    expect(parts.map((part) => part.length)).toEqual([2500, 1500]);
    expect(parts.join('')).toBe('👍🏽'.repeat(1000));
    expect(splitForCheck('短文')).toEqual(['短文']);
  });

  it('reads the word list by section, ignoring comments and unknown sections', () => {
    expect(parseWordList('# x\n[risky]\n甲\n\n[other]\n乙\n[review]\n丙\n')).toEqual({
      risky: ['甲'],
      review: ['丙'],
      error: [],
      timeout: [],
    });
  });
});

describe('duplicate insert errors', () => {
  it('knows the emulator’s code and the service’s E11000 message', () => {
    expect(isDuplicateKeyError({ code: 'DATABASE_DUPLICATE_KEY', message: '已存在' })).toBe(true);
    expect(
      isDuplicateKeyError(
        Object.assign(new Error('[DATABASE_REQUEST_FAILED] E11000 duplicate key error collection'), {
          code: 'DATABASE_REQUEST_FAILED',
        }),
      ),
    ).toBe(true);
    expect(isDuplicateKeyError({ errCode: -502001, errMsg: 'database request fail | duplicate key' })).toBe(true);
    expect(isDuplicateKeyError(new Error('timeout'))).toBe(false);
    expect(isDuplicateKeyError(null)).toBe(false);
  });
});

describe('reflectionsOpenUntil', () => {
  it('reads a date as the end of that day in China, a time as China time, and anything else as open', () => {
    expect(readOpenUntil('2024-11-20')?.toISOString()).toBe('2024-11-20T15:59:59.000Z');
    expect(readOpenUntil('2024-11-20 22:00')?.toISOString()).toBe('2024-11-20T14:00:00.000Z');
    expect(readOpenUntil({ $date: '2024-11-20T14:00:00Z' })?.toISOString()).toBe('2024-11-20T14:00:00.000Z');
    for (const open of [undefined, null, '', '  ', '下周', 42, {}]) expect(readOpenUntil(open)).toBeNull();
  });
});

describe('status transitions', () => {
  it('allows only the moves in the table', () => {
    expect(canMove('submit', null, 'pending')).toBe(true);
    expect(canMove('approve', 'pending', 'published')).toBe(true);
    expect(canMove('approve', 'withdrawn', 'published')).toBe(false);
    expect(canMove('update', 'hidden', 'published')).toBe(false);
    expect(canMove('withdraw', 'withdrawn', 'withdrawn')).toBe(false);
    // Nothing leaves withdrawn.
    for (const rule of Object.values(TRANSITIONS)) expect(rule.from).not.toContain('withdrawn');
  });

  it('writes who, when, from, to and the comment; refuses a move the table does not allow', () => {
    const at = new Date('2024-11-19T12:00:00Z');
    expect(transition('return', 'pending', 'returned', 'leader', at, '请补充')).toEqual({
      at,
      by: 'leader',
      move: 'return',
      from: 'pending',
      to: 'returned',
      comment: '请补充',
    });
    expect(() => transition('hide', 'withdrawn', 'hidden', 'leader', at)).toThrow('这篇心得当前的状态不能进行此操作');
  });
});
