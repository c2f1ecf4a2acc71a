import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { provinceOf, validateContent, type LoadedEntry } from '../../src/checks/validator.ts';
import { readSiteSettings } from '../../src/checks/site-settings.ts';
import { RESOURCE_TYPES, type CourseData } from '../../src/schemas/course.ts';
import { STATUSES, isLocalVideo } from '../../src/schemas/shared.ts';
import { ROOT } from '../helpers/run.ts';

// The bundled sample set, whatever CONTENT_DIR says: it is what a fresh clone shows.
const SAMPLE = path.join(ROOT, 'content');
const { problems, catalogue } = validateContent(SAMPLE);
const { entries } = catalogue;
const ofKind = (kind: string) => entries.filter((e) => e.kind === kind);
const courses = ofKind('courses') as LoadedEntry<'courses'>[];
const courseData: CourseData[] = courses.map((c) => c.data);

describe('the bundled sample content', () => {
  it('is valid', () => {
    expect(problems).toEqual([]);
  });

  it('has at least 24 courses, 12 cases and 12 projects', () => {
    expect(courses.length).toBeGreaterThanOrEqual(24);
    expect(ofKind('cases').length).toBeGreaterThanOrEqual(12);
    expect(ofKind('projects').length).toBeGreaterThanOrEqual(12);
  });

  it('covers every scenario in scenarios.yaml', () => {
    const used = new Set(entries.flatMap((e) => e.data.scenarios));
    for (const scenario of catalogue.scenarios.values()) expect(used, scenario.name).toContain(scenario.name);
    expect(catalogue.scenarios.size).toBeGreaterThanOrEqual(7);
  });

  it('covers all three batches and both statuses', () => {
    expect([...catalogue.batches.keys()].sort()).toEqual([1, 2, 3]);
    expect(new Set(entries.map((e) => e.data.batch))).toEqual(new Set([1, 2, 3]));
    expect(new Set(entries.map((e) => e.data.status))).toEqual(new Set(STATUSES));
  });

  it('has every resource type, and shared and non-shared courses', () => {
    // A course may be of several types (融媒体); every type is used.
    expect(new Set(courseData.flatMap((c) => c.resourceType))).toEqual(new Set(RESOURCE_TYPES));
    expect(new Set(courseData.map((c) => c.shared))).toEqual(new Set([true, false]));
  });

  it('comes from at least 12 provinces', () => {
    expect(new Set(entries.map((e) => provinceOf(e, catalogue.units))).size).toBeGreaterThanOrEqual(12);
  });

  it('has featured and ordinary entries, and at least one withdrawn entry', () => {
    expect(new Set(entries.map((e) => e.data.featured))).toEqual(new Set([true, false]));
    expect(entries.filter((e) => e.data.withdrawn).length).toBeGreaterThanOrEqual(1);
  });

  it('shows covers, a local video with captions and a PDF', () => {
    expect(entries.filter((e) => e.data.cover).length).toBeGreaterThanOrEqual(2);
    expect(entries.some((e) => isLocalVideo(e.data.video) && e.data.captions?.endsWith('.vtt'))).toBe(true);
    expect(courseData.some((c) => c.file?.toLowerCase().endsWith('.pdf'))).toBe(true);
  });

  it('names only fictional units', () => {
    expect(catalogue.units.size).toBeGreaterThan(0);
    for (const unit of catalogue.units.values()) expect(unit.name).toContain('示例');
  });

  it('tells every page that it is sample content', () => {
    const { settings, problems: siteProblems } = readSiteSettings(SAMPLE);
    expect(siteProblems).toEqual([]);
    expect(settings.sampleContent).toBe(true);
  });
});
