/**
 * `npm run screenshots`: a PNG of every page, in the state a reader sees, into docs/screenshots/
 * (used by the README and the organiser guide). Runs the real local stack and the same flows
 * as the end-to-end tests, on Debian's Chromium at 2× (375 × 812 phone).
 *   npm run screenshots                 all shots
 *   npm run screenshots -- home report  only these
 */
import path from 'node:path';
import { launchChromium, newPhoneContext } from '../tests/support/e2e-browser';
import { Phone } from '../tests/support/e2e-phone';
import { PROJECT_ROOT, startE2EStack } from '../tests/support/e2e-stack';
import { openReport } from '../tests/e2e/flows/read-report';
import { openLecture, openSchedule, openStudyNote } from '../tests/e2e/flows/training';
import { agreeAndFill, openEnrolForm } from '../tests/e2e/flows/enrolment';
import { EXAMPLE_TITLE, publishExample } from '../tests/e2e/flows/publish-article';
import type { E2EStack } from '../tests/support/e2e-stack';
import {
  openReviewQueue,
  openWall,
  openWriteAtLargestFont,
  openWriteWithText,
  prepareReflectionShots,
} from '../tests/e2e/flows/reflections';

const OUTPUT_DIR = path.join(PROJECT_ROOT, 'docs', 'screenshots');

type Reach = (phone: Phone) => Promise<void>;
type Scroll = (phone: Phone, text: string) => Promise<void>;

interface Shot {
  name: string;
  what: string;
  reach: Reach;
  /** Shown as in the phone's dark mode (app.json darkmode; prefers-color-scheme: dark). */
  dark?: boolean;
  /** Puts in what the shot needs beyond the seed (done once per run). */
  prepare?: (stack: E2EStack) => Promise<void>;
}

const openArticleList: Reach = async (phone) => {
  await phone.openApp({ path: '/reading/list/index' });
  await phone.expectText(EXAMPLE_TITLE);
};

const openExample: Reach = async (phone) => {
  await phone.openApp({ path: '/reading/article/index?id=example-study-material' });
  await phone.expectText(EXAMPLE_TITLE);
};

/** Opens a page with `open`, then scrolls until `text` is in view (by default to the top of the screen). */
function openThenScrollTo(open: Reach, text: string, scroll: Scroll = (phone, t) => phone.scrollToText(t)): Reach {
  return async (phone) => {
    await open(phone);
    await scroll(phone, text);
  };
}

/**
 * Scrolls so that `text` sits near the bottom of the screen, leaving what comes before it in view:
 * a photo's caption sits beneath the photo, so scrolling the caption to the top would hide the photo.
 */
async function scrollToTextNearBottom(phone: Phone, text: string): Promise<void> {
  const target = phone.currentPage.getByText(text, { exact: true }).first();
  await target.waitFor({ state: 'visible' });
  await target.evaluate((element) => {
    element.scrollIntoView({ block: 'end' });
    element.closest('.wxp-page-frame')?.scrollBy(0, 48);
  });
}

const SHOTS: Shot[] = [
  { name: 'home', what: '首页', reach: (phone) => phone.openApp().then(() => phone.expectText('最新文章')) },
  { name: 'report', what: '报道（开头）', reach: openReport },
  {
    name: 'report-photo',
    what: '报道（图片与说明）',
    reach: openThenScrollTo(openReport, '会议现场', scrollToTextNearBottom),
  },
  { name: 'report-quote', what: '报道（小标题与引语）', reach: openThenScrollTo(openReport, '精准选课') },
  { name: 'schedule', what: '日程', reach: openSchedule },
  { name: 'lecture', what: '一堂课', reach: openLecture },
  { name: 'lecture-materials', what: '一堂课的学习资料', reach: openThenScrollTo(openLecture, '学习资料') },
  { name: 'study-note', what: '学习笔记', reach: openStudyNote },
  {
    name: 'me',
    what: '我的（第 3 组学员）',
    reach: async (phone) => {
      await phone.openApp({ identity: 'trainee-g3' });
      await phone.tapTab('我的');
      await phone.expectText('第 3 组');
    },
  },
  { name: 'enrol-consent', what: '报名：先同意隐私保护指引', reach: openEnrolForm },
  {
    name: 'enrol-form',
    what: '报名表（口令填错时的提示）',
    reach: openThenScrollTo(async (phone) => {
      await openEnrolForm(phone);
      await agreeAndFill(phone, '猜一个口令');
      await phone.tapText('提交报名');
      await phone.expectText('班级口令不正确，请向组织者核对');
    }, '所在小组'),
  },
  { name: 'privacy', what: '隐私说明', reach: (phone) => phone.openApp({ path: '/people/privacy/index' }) },
  { name: 'articles', what: '文章列表（分类与搜索）', reach: openArticleList, prepare: publishExample },
  {
    name: 'article-formatting',
    what: '文章（加粗、链接、列表、引用）',
    reach: openThenScrollTo(openExample, '小标题'),
    prepare: publishExample,
  },
  {
    name: 'article-neighbours',
    what: '文章末尾（上一篇 / 下一篇）',
    reach: openThenScrollTo(openExample, '— 完 —'),
    prepare: publishExample,
  },
  {
    name: 'home-dark',
    what: '首页（深色模式）',
    dark: true,
    reach: (phone) => phone.openApp().then(() => phone.expectText('最新文章')),
  },
  { name: 'report-dark', what: '报道（深色模式）', dark: true, reach: openThenScrollTo(openReport, '精准选课') },
  { name: 'articles-dark', what: '文章列表（深色模式）', dark: true, reach: openArticleList, prepare: publishExample },
  { name: 'schedule-dark', what: '日程（深色模式）', dark: true, reach: openSchedule },
  { name: 'discuss', what: '研讨（本组心得）', reach: openWall, prepare: prepareReflectionShots },
  { name: 'reflection-write', what: '写心得', reach: openWriteWithText, prepare: prepareReflectionShots },
  {
    name: 'reflection-write-largest',
    what: '写心得（超大字号）',
    reach: openWriteAtLargestFont,
    prepare: prepareReflectionShots,
  },
  { name: 'reflection-review', what: '审核心得（组长）', reach: openReviewQueue, prepare: prepareReflectionShots },
];

async function main(): Promise<void> {
  const wanted = new Set(process.argv.slice(2));
  const shots = SHOTS.filter((shot) => wanted.size === 0 || wanted.has(shot.name));
  if (shots.length === 0)
    throw new Error(`没有这些截图：${[...wanted].join(', ')}；可选：${SHOTS.map((shot) => shot.name).join(', ')}`);
  const stack = await startE2EStack();
  const browser = await launchChromium();
  let failures = 0;
  const prepared = new Set<Shot['prepare']>();
  try {
    for (const shot of shots) {
      const context = await newPhoneContext(browser, 2);
      const phone = new Phone(await context.newPage(), stack.url);
      if (shot.prepare && !prepared.has(shot.prepare)) {
        await shot.prepare(stack);
        prepared.add(shot.prepare);
      }
      if (shot.dark) await phone.page.emulateMedia({ colorScheme: 'dark' });
      const file = path.join(OUTPUT_DIR, `${shot.name}.png`);
      try {
        await shot.reach(phone);
        await phone.page.waitForTimeout(400); // let images and fonts settle
        await phone.screenshot(file);
        console.log(`screenshots: ${path.relative(PROJECT_ROOT, file)}  ${shot.what}`);
      } catch (error) {
        failures += 1;
        console.error(`screenshots: ${shot.name}（${shot.what}）失败：${(error as Error).message}`);
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await stack.close();
  }
  if (failures > 0) process.exit(1);
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
