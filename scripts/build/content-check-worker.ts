// The content checks of `npm run build`, in a process of their own (see checkContent in scripts/build.ts). It
// reports its problems, then, once Astro has written the site, copies the media and makes the share images
// into it. Being a process, not a thread, it gives its memory back to the system when it ends, before the
// search index is built.
import { validateContent } from '../../src/checks/validator.ts';
import { mediaCopies, publishMedia } from '../../src/export/media.ts';
import type { Problem } from '../../src/report/problems.ts';
import { publishShareImages, shareImageJobs } from '../../src/export/share-image.ts';

/** From the checks to scripts/build.ts. */
export type CheckMessage = { checked: Problem[] } | { published: true } | { failed: string };
/** From scripts/build.ts: the folder Astro wrote the site into. */
export interface PublishRequest {
  publishInto: string;
}

const send = (message: CheckMessage) =>
  new Promise<void>((resolve, reject) =>
    process.send!(message, (error: Error | null) => (error ? reject(error) : resolve())),
  );

const jobs = (() => {
  const report = validateContent(undefined, { keepBodies: false });
  const problems = report.problems;
  return {
    problems,
    media: problems.length === 0 ? mediaCopies(report.catalogue) : [],
    shareImages: problems.length === 0 ? shareImageJobs(report.catalogue) : [],
  };
})();
await send({ checked: jobs.problems });
if (jobs.problems.length > 0) process.exit(0);

process.once('message', async ({ publishInto }: PublishRequest) => {
  try {
    publishMedia(jobs.media, publishInto);
    await publishShareImages(jobs.shareImages, publishInto);
    await send({ published: true });
  } catch (error) {
    await send({ failed: error instanceof Error ? error.message : String(error) });
  }
  process.disconnect();
});
