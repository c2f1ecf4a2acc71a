import { defineCollection } from 'astro:content';
import { createCaseSchema } from './schemas/case.ts';
import { createCourseSchema } from './schemas/course.ts';
import { createProjectSchema } from './schemas/project.ts';
import { BatchSchema, ScenarioSchema, UnitSchema } from './schemas/data.ts';
import { contentPath, DATA_FILES, slugFromPath, type Kind } from './config/paths.ts';
import { typedGlob, typedYamlFile } from './collections/loaders.ts';

// Checks beyond the schemas (sections, privacy, files, references) run before this, in the
// content-checks integration: by the time Astro loads a collection, it is known to be valid.
const entries = (kind: Kind) =>
  typedGlob({
    base: contentPath(kind),
    pattern: ['**/*.md', '!**/_*', '!**/_*/**'],
    generateId: ({ entry }) => slugFromPath(entry),
    // Pages read the rendered HTML; keeping each Markdown body too would double the store Astro bundles.
    retainBody: false,
  });

export const collections = {
  courses: defineCollection({ loader: entries('courses'), schema: ({ image }) => createCourseSchema(image()) }),
  cases: defineCollection({ loader: entries('cases'), schema: ({ image }) => createCaseSchema(image()) }),
  projects: defineCollection({ loader: entries('projects'), schema: ({ image }) => createProjectSchema(image()) }),
  units: defineCollection({ loader: typedYamlFile(contentPath(DATA_FILES.units)), schema: UnitSchema }),
  batches: defineCollection({ loader: typedYamlFile(contentPath(DATA_FILES.batches)), schema: BatchSchema }),
  scenarios: defineCollection({ loader: typedYamlFile(contentPath(DATA_FILES.scenarios)), schema: ScenarioSchema }),
};
