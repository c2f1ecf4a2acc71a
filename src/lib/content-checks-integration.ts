import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { CHECKED_ALONGSIDE, CONTENT_DIR } from './paths.ts';
import { validateContent } from './content-tree.ts';
import { formatReport } from './problems.ts';
import { mediaCopies, publishMedia, type MediaCopy } from './media.ts';

/**
 * Runs the same checks as `npm run validate` before Astro loads any content: a bad entry fails the build.
 * After the build, publishes the entries' local videos, captions and PDFs (covers go through astro:assets).
 * Under `npm run build` both are the build script's work instead, done beside Astro (CHECKED_ALONGSIDE).
 */
export function contentChecks(): AstroIntegration {
  // Only the list of media files outlives the check: the checked catalogue is as large as the content.
  let media: MediaCopy[] = [];
  return {
    name: 'zhulao:content-checks',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (CHECKED_ALONGSIDE) return;
        const report = validateContent(CONTENT_DIR);
        media = mediaCopies(report.catalogue);
        if (report.problems.length === 0) return;
        const text = formatReport(report.problems);
        if (command === 'dev') {
          logger.error(text);
          return;
        }
        console.error(`\n${text}\n\n构建已停止：有问题的内容不会发布。/ Build stopped: content has errors.\n`);
        process.exit(1);
      },
      'astro:build:done': ({ dir }) => publishMedia(media, fileURLToPath(dir)),
    },
  };
}
