/**
 * A list of materials that opens them where they are: an article in the reader, a file downloaded with a
 * progress bar and shown by the phone's file viewer (wx.openDocument). A failure is said in Chinese in a dialog and
 * stays written under the item until the next attempt.
 */
import type { MaterialView } from '../../../contracts/training';
import { fileSizeLabel, openMaterial } from '../../lib/open-material';

interface MaterialRow {
  id: string;
  title: string;
  kind: MaterialView['kind'];
  /** 学习笔记 · PDF · 2.4 MB · 第一讲 */
  meta: string;
  openable: boolean;
}

function rowOf(material: MaterialView, sessionTitles: Record<string, string>): MaterialRow {
  const sessionTitle = material.sessionId ? (sessionTitles[material.sessionId] ?? '') : '';
  const parts = [
    material.label || (material.kind === 'article' ? '文章' : '文件'),
    material.kind === 'file' && material.fileType ? material.fileType.toUpperCase() : '',
    material.kind === 'file' ? fileSizeLabel(material.size) : '',
    // A study note's title already names its lecture (学习笔记:<lecture>): saying it twice only lengthens the row.
    material.title.includes(sessionTitle) ? '' : sessionTitle,
  ];
  return {
    id: material.id,
    title: material.title,
    kind: material.kind,
    meta: parts.filter((part) => part !== '').join(' · '),
    openable: material.openable,
  };
}

Component({
  properties: {
    materials: { type: Array, value: [] as MaterialView[] },
    /** Session titles by id, to say which session a material belongs to; leave empty on a session's page. */
    sessionTitles: { type: Object, value: {} as Record<string, string> },
  },
  data: {
    rows: [] as MaterialRow[],
    /** Id of the file being downloaded, and how far it got. */
    openingId: '',
    progress: 0,
    /** Id -> the last failure message, shown under the item. */
    failures: {} as Record<string, string>,
  },
  observers: {
    'materials, sessionTitles'(materials: MaterialView[], sessionTitles: Record<string, string>) {
      this.setData({ rows: (materials ?? []).map((material) => rowOf(material, sessionTitles ?? {})) });
    },
  },
  methods: {
    async onOpen(event: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      const id = event.currentTarget.dataset.id;
      const material = (this.data.materials as MaterialView[]).find((candidate) => candidate.id === id);
      if (!material || this.data.openingId !== '') return;
      this.setData({
        openingId: material.kind === 'file' ? id : '',
        progress: 0,
        failures: { ...this.data.failures, [id]: '' },
      });
      const result = await openMaterial(material, (progress) => this.setData({ progress }));
      this.setData({ openingId: '', progress: 0 });
      if (result.ok) return;
      this.setData({ failures: { ...this.data.failures, [id]: result.message } });
      wx.showModal({ title: '无法打开资料', content: result.message, showCancel: false, confirmText: '知道了' });
    },
  },
});
