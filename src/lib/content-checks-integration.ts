import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { CONTENT_DIR } from './paths.ts';
import { validateContent, type Catalogue } from './content-tree.ts';
import { formatReport } from './problems.ts';
import { localFiles, resolveLocalFile } from './files.ts';
import { mediaPath } from './media.ts';

/**
 * Runs the same checks as `npm run validate` before Astro loads any content: a bad entry fails the build.
 * After the build, publishes the entries' local videos, captions and PDFs (covers go through astro:assets).
 */
export function contentChecks(): AstroIntegration {
  let catalogue: Catalogue | undefined;
  return {
    name: 'zhulao:content-checks',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        const report = validateContent(CONTENT_DIR);
        catalogue = report.catalogue;
        if (report.problems.length === 0) return;
        const text = formatReport(report.problems);
        if (command === 'dev') {
          logger.error(text);
          return;
        }
        console.error(`\n${text}\n\n构建已停止：有问题的内容不会发布。/ Build stopped: content has errors.\n`);
        process.exit(1);
      },
      'astro:build:done': ({ dir }) => {
        const out = fileURLToPath(dir);
        for (const entry of catalogue?.entries ?? []) {
          for (const { field, value } of localFiles(entry.data)) {
            if (field === 'cover') continue;
            const target = path.join(out, decodeURIComponent(mediaPath(entry.kind, entry.slug, value)));
            fs.mkdirSync(path.dirname(target), { recursive: true });
            fs.copyFileSync(resolveLocalFile(entry.file, value), target);
          }
        }
      },
    },
  };
}
