// Two short-lived processes of `npm run build` (see scripts/build.ts), so that their memory goes back to the
// system before the next step needs it:
// - `content-check-worker.ts`: the content checks; sends their problems and the media and share-image jobs;
// - `content-check-worker.ts publish`: once Astro has written the site, copies the media and makes the share
//   images into it (sharp never loads in the build script, which stays small while Pagefind indexes).
import { validateContent } from '../../src/checks/validator.ts';
import { mediaCopies, publishMedia, type MediaCopy } from '../../src/export/media.ts';
import type { Problem } from '../../src/report/problems.ts';
import { publishShareImages, shareImageJobs, type ShareImageJob } from '../../src/export/share-image.ts';

export interface Jobs {
  media: MediaCopy[];
  shareImages: ShareImageJob[];
}
/** From these processes to scripts/build.ts. */
export type CheckMessage = ({ checked: Problem[] } & Jobs) | { published: true } | { failed: string };
/** From scripts/build.ts to the publishing process: the folder Astro wrote the site into. */
export interface PublishRequest extends Jobs {
  publishInto: string;
}

const send = (message: CheckMessage) =>
  new Promise<void>((resolve, reject) =>
    process.send!(message, (error: Error | null) => (error ? reject(error) : resolve())),
  );

if (process.argv[2] === 'publish') {
  process.once('message', async ({ publishInto, media, shareImages }: PublishRequest) => {
    try {
      publishMedia(media, publishInto);
      await publishShareImages(shareImages, publishInto);
      await send({ published: true });
    } catch (error) {
      await send({ failed: error instanceof Error ? error.message : String(error) });
    }
    process.disconnect();
  });
} else {
  const report = validateContent(undefined, { keepBodies: false });
  const clean = report.problems.length === 0;
  await send({
    checked: report.problems,
    media: clean ? mediaCopies(report.catalogue) : [],
    shareImages: clean ? shareImageJobs(report.catalogue) : [],
  });
  process.disconnect();
}
