// The content checks of `npm run build`, in a worker thread of their own (see checkContent in scripts/build.ts).
import { parentPort } from 'node:worker_threads';
import { validateContent } from '../../src/checks/validator.ts';
import { mediaCopies, type MediaCopy } from '../../src/export/media.ts';
import type { Problem } from '../../src/report/problems.ts';
import { shareImageJobs, type ShareImageJob } from '../../src/export/share-image.ts';

export interface CheckResult {
  problems: Problem[];
  media: MediaCopy[];
  shareImages: ShareImageJob[];
}

const report = validateContent(undefined, { keepBodies: false });
parentPort!.postMessage({
  problems: report.problems,
  media: mediaCopies(report.catalogue),
  shareImages: shareImageJobs(report.catalogue),
} satisfies CheckResult);
