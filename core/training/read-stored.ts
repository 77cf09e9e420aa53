/**
 * The forgiving read of the three training collections (stored.ts) into the views of the contract
 * (miniprogram/contracts/training.ts).
 * Organisers complete the schedule by hand in the console: a field that cannot be used becomes empty and
 * is named in `problems`, and the rest of the document is still shown. Only something that is not a
 * document at all (no object, no id) is dropped. One bad document must never break the overview.
 */
import {
  MATERIAL_KINDS,
  isOpenableFileType,
  PARTS_OF_DAY,
  SESSION_KIND_LABELS,
  SESSION_KINDS,
  type MaterialKind,
  type MaterialView,
  type PartOfDay,
  type SchedulePrecision,
  type SessionKind,
  type SessionView,
  type Speaker,
  type TrainingView,
} from '../../miniprogram/contracts/training';
import { minutesOfDay, normalizeCalendarDate, normalizeClockTime } from '../../miniprogram/lib/datetime';
import { partOfDayAt } from '../../miniprogram/lib/session-clock';
import {
  finiteNumber,
  isFilled,
  isRecord,
  shown,
  text,
  textList,
  unwrapDate,
  wholeNumber,
} from '../runtime/stored-fields';

const MINUTES_PER_DAY = 24 * 60;
const MAX_GROUPS = 1000;

/** Words organisers may type for a kind, besides the English keys. */
const KIND_ALIASES: Record<string, SessionKind> = {
  讲座: 'lecture',
  专题讲座: 'lecture',
  授课: 'lecture',
  辅导: 'lecture',
  交流: 'exchange',
  交流会: 'exchange',
  会议交流: 'exchange',
  研讨: 'discussion',
  分组研讨: 'discussion',
  讨论: 'discussion',
  其他: 'other',
};

const PART_OF_DAY_ALIASES: Record<string, PartOfDay> = {
  早上: '上午',
  上午: '上午',
  中午: '下午',
  下午: '下午',
  傍晚: '晚上',
  晚上: '晚上',
  晚间: '晚上',
  夜晚: '晚上',
  morning: '上午',
  afternoon: '下午',
  evening: '晚上',
};

const MATERIAL_KIND_ALIASES: Record<string, MaterialKind> = {
  文章: 'article',
  笔记: 'article',
  文件: 'file',
  附件: 'file',
};

function idOf(raw: Record<string, unknown>): string {
  return text(raw._id);
}

// ---------------------------------------------------------------------------------------------------

export function normalizeTraining(raw: unknown): TrainingView | null {
  if (!isRecord(raw) || idOf(raw) === '') return null;
  const problems: string[] = [];
  const startDate = readDate(raw.startDate, '开始日期', problems);
  const endDate = readDate(raw.endDate, '结束日期', problems);
  if (startDate !== null && endDate !== null && endDate < startDate) {
    problems.push(`结束日期 ${endDate} 早于开始日期 ${startDate}`);
  }
  const groupCount = wholeNumber(raw.groupCount, 1, MAX_GROUPS);
  if (groupCount === null && isFilled(raw.groupCount)) problems.push(`分组数“${shown(raw.groupCount)}”不是正整数`);
  const name = text(raw.name);
  if (name === '') problems.push('未填写培训班名称');
  return {
    id: idOf(raw),
    name,
    theme: text(raw.theme),
    organiser: text(raw.organiser),
    venue: text(raw.venue),
    startDate,
    endDate,
    groupCount,
    source: text(raw.source),
    reportArticleId: text(raw.reportArticleId) || null,
    problems,
  };
}

function readDate(value: unknown, label: string, problems: string[]): string | null {
  const date = normalizeCalendarDate(unwrapDate(value));
  if (date === null && isFilled(value)) problems.push(`${label}“${shown(value)}”无法识别，应写作 2024-11-18`);
  return date;
}

function readTime(value: unknown, label: string, problems: string[]): string | null {
  const time = normalizeClockTime(value);
  if (time === null && isFilled(value)) problems.push(`${label}“${shown(value)}”无法识别，应写作 14:30`);
  return time;
}

function readKind(value: unknown, problems: string[]): SessionKind {
  const typed = text(value);
  const kind =
    (SESSION_KINDS as readonly string[]).find((key) => key === typed.toLowerCase()) ?? KIND_ALIASES[typed] ?? null;
  if (kind !== null) return kind as SessionKind;
  problems.push(typed === '' ? '未填写类型，按“其他”显示' : `类型“${shown(value)}”无法识别，按“其他”显示`);
  return 'other';
}

function readPartOfDay(value: unknown, problems: string[]): PartOfDay | null {
  const typed = text(value);
  const part = PART_OF_DAY_ALIASES[typed.toLowerCase()] ?? null;
  if (part === null && isFilled(value)) problems.push(`时段“${shown(value)}”无法识别，应为 ${PARTS_OF_DAY.join('、')}`);
  return part;
}

function readSpeaker(value: unknown): Speaker | null {
  if (typeof value === 'string') {
    // "吴文毅 省人大常委会副秘书长" typed as one string: name first, post after the first space.
    const [name = '', ...post] = value.trim().split(/\s+/);
    return name === '' ? null : { name, post: post.join(' '), role: '' };
  }
  if (!isRecord(value)) return null;
  const name = text(value.name);
  return name === '' ? null : { name, post: text(value.post), role: text(value.role) };
}

function readSpeakers(value: unknown, problems: string[]): Speaker[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  const speakers = list.map(readSpeaker).filter((speaker): speaker is Speaker => speaker !== null);
  if (speakers.length < list.length) problems.push('部分主讲人缺少姓名，未显示');
  return speakers;
}

function precisionOf(date: string | null, partOfDay: PartOfDay | null, start: string | null): SchedulePrecision {
  if (date === null) return 'none';
  if (start !== null) return 'time';
  if (partOfDay !== null) return 'partOfDay';
  return 'day';
}

export function normalizeSession(raw: unknown): SessionView | null {
  if (!isRecord(raw) || idOf(raw) === '') return null;
  const problems: string[] = [];
  const kind = readKind(raw.kind, problems);
  const title = text(raw.title);
  if (title === '') problems.push('未填写标题');
  const date = readDate(raw.date, '日期', problems);
  if (date === null && isFilled(raw.date)) problems.push('该日程暂列入“待定”');
  const start = readTime(raw.start, '开始时间', problems);
  let end = readTime(raw.end, '结束时间', problems);
  if (start !== null && end !== null && minutesOfDay(end) <= minutesOfDay(start)) {
    problems.push(`结束时间 ${end} 不晚于开始时间 ${start}，未显示`);
    end = null;
  }
  const typedPart = readPartOfDay(raw.partOfDay, problems);
  const durationMinutes = wholeNumber(raw.durationMinutes, 1, MINUTES_PER_DAY);
  if (durationMinutes === null && isFilled(raw.durationMinutes)) {
    problems.push(`时长“${shown(raw.durationMinutes)}”应为分钟数`);
  }
  const groupCount = wholeNumber(raw.groupCount, 1, MAX_GROUPS);
  if (groupCount === null && isFilled(raw.groupCount)) problems.push(`分组数“${shown(raw.groupCount)}”不是正整数`);
  const order = finiteNumber(raw.order);
  if (order === null && isFilled(raw.order)) problems.push(`顺序“${shown(raw.order)}”应为数字`);
  const partOfDay = typedPart ?? (start !== null ? partOfDayAt(start) : null);
  return {
    id: idOf(raw),
    kind,
    kindLabel: SESSION_KIND_LABELS[kind],
    title: title === '' ? `（未命名${SESSION_KIND_LABELS[kind]}）` : title,
    speakers: readSpeakers(raw.speakers, problems),
    date,
    partOfDay,
    start,
    end,
    durationMinutes,
    groupCount,
    precision: precisionOf(date, partOfDay, start),
    place: text(raw.place),
    summary: text(raw.summary),
    materialIds: textList(raw.materialIds),
    order,
    problems,
  };
}

// ---------------------------------------------------------------------------------------------------

/** The lower-case extension of a file name or cloud:// id, or null. */
export function fileTypeOf(name: string): string | null {
  const match = /\.([a-z0-9]{1,8})$/i.exec(name.split(/[?#]/)[0]);
  return match ? match[1].toLowerCase() : null;
}

/**
 * cloud://<env>.<bucket>/<path>: the environment has no space or slash; the path is anything that is not
 * blank, spaces included, since organisers upload files as they are named (课件 一.pdf).
 */
export function isCloudFileId(value: string): boolean {
  return /^cloud:\/\/[^/\s]+\/.*\S/.test(value);
}

function fileIdProblem(typed: string, raw: unknown): string {
  if (typed === '') return '缺少云存储文件 fileId';
  if (!typed.startsWith('cloud://')) return `文件“${shown(raw)}”不是 cloud:// 开头的云存储文件`;
  return `文件“${shown(raw)}”缺少云存储中的文件路径`;
}

function readMaterialKind(raw: Record<string, unknown>, problems: string[]): MaterialKind {
  const typed = text(raw.kind);
  const kind =
    (MATERIAL_KINDS as readonly string[]).find((key) => key === typed.toLowerCase()) ?? MATERIAL_KIND_ALIASES[typed];
  if (kind !== undefined) return kind as MaterialKind;
  // No usable kind: infer it from which id the organiser filled in.
  const inferred: MaterialKind = text(raw.articleId) !== '' && text(raw.fileId) === '' ? 'article' : 'file';
  problems.push(
    typed === ''
      ? `未填写类型，按“${inferred === 'article' ? '文章' : '文件'}”处理`
      : `类型“${shown(raw.kind)}”无法识别`,
  );
  return inferred;
}

/**
 * A material before its download address is known: `downloadUrl` null, `openable` true for files only
 * once an address is attached (see withDownloadUrl).
 */
export function normalizeMaterial(raw: unknown): MaterialView | null {
  if (!isRecord(raw) || idOf(raw) === '') return null;
  const problems: string[] = [];
  const kind = readMaterialKind(raw, problems);
  const title = text(raw.title);
  if (title === '') problems.push('未填写标题');
  const sessionId = text(raw.sessionId);
  let articleId: string | null = null;
  let fileId: string | null = null;
  let fileType: string | null = null;
  let size: number | null = null;
  if (kind === 'article') {
    articleId = text(raw.articleId) || null;
    if (articleId === null) problems.push('缺少文章编号 articleId');
  } else {
    const typedFileId = text(raw.fileId);
    fileId = isCloudFileId(typedFileId) ? typedFileId : null;
    if (fileId === null) problems.push(fileIdProblem(typedFileId, raw.fileId));
    fileType = text(raw.fileType).replace(/^\./, '').toLowerCase() || (fileId === null ? null : fileTypeOf(fileId));
    if (fileType !== null && !isOpenableFileType(fileType)) problems.push(`手机无法打开 ${fileType} 类型的文件`);
    const typedSize = finiteNumber(raw.size);
    size = typedSize !== null && typedSize >= 0 ? Math.round(typedSize) : null;
    if (size === null && isFilled(raw.size)) problems.push(`文件大小“${shown(raw.size)}”应为字节数`);
  }
  return {
    id: idOf(raw),
    title: title === '' ? '（未命名资料）' : title,
    kind,
    label: text(raw.label),
    sessionId: sessionId === '' ? null : sessionId,
    articleId,
    fileId,
    fileType,
    size,
    downloadUrl: null,
    openable: kind === 'article' && articleId !== null,
    order: finiteNumber(raw.order),
    problems,
  };
}

/** Attach a file's temporary address; a file is openable only with an address and a type the phone opens. */
export function withDownloadUrl(material: MaterialView, downloadUrl: string | null): MaterialView {
  if (material.kind !== 'file') return material;
  return { ...material, downloadUrl, openable: downloadUrl !== null && isOpenableFileType(material.fileType) };
}
