import type { z } from 'astro/zod';
import type { Kind } from '../core/slugs.ts';
import { CaseSchema } from './case.ts';
import { CourseSchema } from './course.ts';
import { ProjectSchema } from './project.ts';

export const ENTRY_SCHEMAS = {
  courses: CourseSchema,
  cases: CaseSchema,
  projects: ProjectSchema,
} as const satisfies Record<Kind, z.ZodType>;
