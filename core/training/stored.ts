/**
 * The training collections (`trainings`, `training_sessions`, `training_materials`) as organisers type
 * them in the CloudBase console: everything optional, because a hand-typed document may lack anything or
 * carry the wrong type. What the seed writes and the organiser guide shows; read-stored.ts reads them
 * forgivingly into the views of miniprogram/contracts/training.ts.
 */
import type { MaterialKind, PartOfDay, SessionKind } from '../../miniprogram/contracts/training';

export interface TrainingDocument {
  _id?: string;
  name?: string;
  theme?: string;
  /** 主办单位 */
  organiser?: string;
  venue?: string;
  /** 'YYYY-MM-DD' (Asia/Shanghai calendar date) */
  startDate?: string;
  endDate?: string;
  /** Number of discussion groups. */
  groupCount?: number;
  /** Where the facts come from, e.g. the course report. */
  source?: string;
  /** Id in the `articles` collection of the report on the course, when there is one. */
  reportArticleId?: string;
}

interface SpeakerDocument {
  name?: string;
  /** 职务, exactly as published, e.g. 省人大常委会副秘书长、办公厅主任 */
  post?: string;
  /** What the person did in the session when not the main talk, e.g. 交流发言, 讲话. */
  role?: string;
}

export interface SessionDocument {
  _id?: string;
  kind?: SessionKind;
  /** The topic (讲题) of a lecture, the name of a meeting. */
  title?: string;
  speakers?: SpeakerDocument[];
  /** 'YYYY-MM-DD'; absent while the organisers have not placed the session on a day. */
  date?: string;
  partOfDay?: PartOfDay;
  /** 'HH:mm' */
  start?: string;
  end?: string;
  /** Known length when start and end are not, e.g. 120 for 两个小时. */
  durationMinutes?: number;
  /** Number of groups, for a group discussion. */
  groupCount?: number;
  place?: string;
  summary?: string;
  materialIds?: string[];
  /** Explicit position among sessions of the same slot; lower first. */
  order?: number;
}

export interface MaterialDocument {
  _id?: string;
  title?: string;
  kind?: MaterialKind;
  /** The session it belongs to. */
  sessionId?: string;
  /** For kind 'article': the id of the document in the `articles` collection. */
  articleId?: string;
  /** For kind 'file': the cloud:// file id in cloud storage. */
  fileId?: string;
  /** For kind 'file': pdf, docx, … (taken from the file name when absent). */
  fileType?: string;
  /** For kind 'file': size in bytes. */
  size?: number;
  /** 学习笔记, 课件, … */
  label?: string;
  order?: number;
}
