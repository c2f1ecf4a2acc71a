import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { BASE_PATH, CHECKED_ALONGSIDE, CONTENT_DIR, publicAddressProblem } from '../config/paths.ts';
import { validateContent } from '../checks/validator.ts';
import { formatReport } from '../report/problems.ts';
import { exitWhenFlushed } from '../report/exit.ts';
import { mediaCopies, publishMedia, serveMedia, type MediaCopy } from '../export/media.ts';
import { publishShareImages, shareImageJobs, type ShareImageJob } from '../export/share-image.ts';
import { moveCspFirstInSite } from './csp-first.ts';

/**
 * Runs the same checks as `npm run validate` before Astro loads any content: a bad entry fails the build.
 * After the build, publishes the entries' local videos, captions and PDFs (covers go through astro:assets) and
 * the share images made from the covers.
 * Under `npm run build` both are the build script's work instead, before and after Astro (CHECKED_ALONGSIDE).
 * Either way, each page's CSP `<meta>` is moved to the top of its head once the pages are written.
 */
export function contentChecks(): AstroIntegration {
  // Only the list of media files outlives the check: the checked catalogue is as large as the content.
  let media: MediaCopy[] = [];
  let shareImages: ShareImageJob[] = [];
  return {
    name: 'zhulao:content-checks',
    hooks: {
      'astro:config:setup': async ({ command, logger }) => {
        const addressProblem = command === 'build' ? publicAddressProblem() : undefined;
        if (addressProblem) {
          console.error(`\n${addressProblem}\n`);
          await exitWhenFlushed(1);
        }
        if (CHECKED_ALONGSIDE) return;
        const report = validateContent(CONTENT_DIR, { keepBodies: false });
        media = mediaCopies(report.catalogue);
        shareImages = shareImageJobs(report.catalogue);
        if (report.problems.length === 0) return;
        const text = formatReport(report.problems);
        if (command === 'dev') {
          logger.error(text);
          return;
        }
        console.error(`\n${text}\n\n构建已停止：有问题的内容不会发布。/ Build stopped: content has errors.\n`);
        await exitWhenFlushed(1);
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(serveMedia(media, BASE_PATH));
      },
      'astro:build:done': async ({ dir }) => {
        publishMedia(media, fileURLToPath(dir));
        await publishShareImages(shareImages, fileURLToPath(dir));
        moveCspFirstInSite(fileURLToPath(dir));
      },
    },
  };
}
