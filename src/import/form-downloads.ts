import { KINDS, type Kind } from '../config/paths.ts';
import { blankFormDocx } from './blank-form.ts';
import { FORMS } from './form-layout.ts';

export interface FormDownload {
  kind: Kind;
  attachment: string;
  title: string;
  fileName: string;
  /** The name a browser saves it under: 附件4 “智慧助老”专题典型课程资源申报表.docx */
  downloadName: string;
  kilobytes: number;
  /** The form's labels in its order, as printed */
  labels: string[];
}

/** What /forms/ lists for each blank form: its names, its size and its labels, from the layout it is written from. */
export async function formDownloads(): Promise<FormDownload[]> {
  const inNoticeOrder = [...KINDS].sort((a, b) => FORMS[a].attachment.localeCompare(FORMS[b].attachment));
  return Promise.all(
    inNoticeOrder.map(async (kind) => {
      const form = FORMS[kind];
      const bytes = await blankFormDocx(kind);
      return {
        kind,
        attachment: form.attachment,
        title: form.title,
        fileName: form.fileName,
        downloadName: `${form.attachment} ${form.title}.docx`,
        kilobytes: Math.max(1, Math.round(bytes.length / 1024)),
        labels: form.rows.flat().map((cell) => cell.label.join('')),
      };
    }),
  );
}
