import fs from 'node:fs';
import path from 'node:path';
import { validateWorkflow, type ValidationError } from '@action-validator/core';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run.ts';
import { KINDS } from '../../src/config/paths.ts';
import { entryFields } from '../../src/authoring/scaffold.ts';
import { InstructorSchema } from '../../src/schemas/project.ts';

const GITHUB = path.join(ROOT, '.github');
const WORKFLOWS = path.join(GITHUB, 'workflows');
const read = (file: string) => fs.readFileSync(file, 'utf8');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  id?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  container?: string | { image: string };
  needs?: string | string[];
  permissions?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const load = (name: string) => yaml.load(read(path.join(WORKFLOWS, name))) as Workflow;

/** Schema errors, nested ones flattened, as `path: detail` lines for a readable failure. */
function describeErrors(errors: ValidationError[]): string[] {
  return errors.flatMap((error) => [
    `${'path' in error ? error.path : ''}: ${error.title}${error.detail ? ` (${error.detail})` : ''}`,
    ...('states' in error && error.states ? error.states.flatMap((s) => describeErrors(s.errors)) : []),
  ]);
}

const workflowFiles = fs.readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f));

describe('GitHub Actions workflows', () => {
  it('has the CI and deploy workflows', () => {
    expect(workflowFiles.sort()).toEqual(['ci.yml', 'deploy.yml']);
  });

  it.each(workflowFiles)('%s matches the GitHub Actions workflow schema', (file) => {
    const { errors } = validateWorkflow(read(path.join(WORKFLOWS, file)));
    expect(describeErrors(errors)).toEqual([]);
  });

  it('rejects a workflow with a misspelt key, so the schema check can fail', () => {
    const broken = read(path.join(WORKFLOWS, 'ci.yml')).replace('runs-on:', 'runs_on:');
    expect(validateWorkflow(broken).errors.length).toBeGreaterThan(0);
  });

  it.each(workflowFiles)('%s runs only npm scripts that exist', (file) => {
    const scripts = Object.keys(JSON.parse(read(path.join(ROOT, 'package.json'))).scripts);
    const used = [...read(path.join(WORKFLOWS, file)).matchAll(/npm (?:run ([\w:-]+)|(test|start|ci))/g)].map(
      (m) => m[1] ?? m[2]!,
    );
    expect(used.length).toBeGreaterThan(0);
    for (const script of used) if (script !== 'ci') expect(scripts, script).toContain(script);
  });

  describe.each(workflowFiles)('%s', (file) => {
    const workflow = load(file);
    const testing = Object.entries(workflow.jobs).filter(([, job]) =>
      job.steps.some((s) => s.run?.includes('npm test')),
    );

    it('runs its test jobs in Debian bookworm with apt chromium and CJK fonts, and Node 22', () => {
      expect(testing.length).toBeGreaterThan(0);
      for (const [name, job] of testing) {
        expect(job.container, name).toBe('debian:bookworm');
        const apt = job.steps.find((s) => s.run?.includes('apt-get install'))?.run ?? '';
        expect(apt, name).toMatch(/\bchromium\b/);
        expect(apt, name).toMatch(/\bfonts-noto-cjk\b/);
        expect(apt, name).toMatch(/\bgit\b/);
        const node = job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
        expect(node?.uses, name).toBe('actions/setup-node@v4');
        expect(String(node?.with?.['node-version']), name).toBe('22');
        const runs = job.steps.map((s) => s.run ?? '');
        const ci = runs.findIndex((r) => r.includes('npm ci'));
        const test = runs.findIndex((r) => r.includes('npm test'));
        expect(ci, name).toBeGreaterThanOrEqual(0);
        expect(test, name).toBeGreaterThan(ci);
        // apt's git must come before checkout, or actions/checkout downloads a tarball without history
        const checkout = job.steps.findIndex((s) => s.uses?.startsWith('actions/checkout@'));
        expect(
          job.steps.findIndex((s) => s.run?.includes('apt-get install')),
          name,
        ).toBeLessThan(checkout);
      }
    });
  });

  it('ci.yml checks every pull request and main, and uploads the built site for preview', () => {
    const ci = load('ci.yml');
    expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(['pull_request', 'push']));
    expect(ci.permissions ?? ci.jobs.test?.permissions).toEqual({ contents: 'read' });
    const steps = Object.values(ci.jobs).flatMap((job) => job.steps);
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.uses).toBe('actions/upload-artifact@v4');
    expect(upload?.with?.path).toBe('dist/');
    expect(upload?.if).toContain('pull_request');
    expect(steps.indexOf(upload!)).toBeGreaterThan(steps.findIndex((s) => s.run?.includes('npm test')));
  });

  it('ci.yml checks the content in a quick job of its own, before the browser suite', () => {
    const ci = load('ci.yml');
    const content = ci.jobs.content!;
    expect(ci.jobs.test!.needs).toBe('content');
    // No container, no apt, no browser: only Node 22, npm ci and the content check
    expect(content.container).toBeUndefined();
    expect(content.steps.some((s) => /apt-get|npm test|npm run build/.test(s.run ?? ''))).toBe(false);
    const node = content.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(String(node?.with?.['node-version'])).toBe('22');
    // --changed compares against main, which needs the whole history
    expect(content.steps.find((s) => s.uses?.startsWith('actions/checkout@'))?.with?.['fetch-depth']).toBe(0);
    const changed = content.steps.find((s) => s.run === 'npm run validate -- --changed');
    expect(changed?.if).toBe("github.event_name == 'pull_request'");
    const all = content.steps.find((s) => s.run === 'npm run validate');
    expect(all?.if).toBe("github.event_name != 'pull_request'");
    // GitHub sets GITHUB_ACTIONS=true, which makes validate print ::error annotations (tests/content/validate-changed)
    expect(fs.readFileSync(path.join(ROOT, 'src/config/paths.ts'), 'utf8')).toContain("env.GITHUB_ACTIONS === 'true'");
  });

  it('deploy.yml builds main with the Pages address and deploys it', () => {
    const deploy = load('deploy.yml');
    expect(deploy.on.push).toEqual({ branches: ['main'] });
    const build = deploy.jobs.build!;
    const buildStep = build.steps.find((s) => s.run === 'npm run build');
    expect(buildStep?.env?.BASE_PATH).toContain('steps.pages.outputs.base_path');
    expect(buildStep?.env?.SITE_URL).toContain('steps.pages.outputs.origin');
    expect(build.steps.find((s) => s.uses?.startsWith('actions/configure-pages@'))).toMatchObject({ id: 'pages' });
    const upload = build.steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(upload?.with?.path).toBe('dist/');
    expect(build.steps.indexOf(upload!)).toBeGreaterThan(build.steps.indexOf(buildStep!));

    const publish = Object.values(deploy.jobs).find((job) =>
      job.steps.some((s) => s.uses?.startsWith('actions/deploy-pages@')),
    );
    expect(publish?.needs).toBe('build');
    expect(publish?.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
  });
});

/**
 * The GITHUB_TOKEN permissions each action needs, from its documentation. A job gets exactly the union of
 * its steps' needs: nothing missing (the step fails at run time, as configure-pages did without `pages: read`)
 * and nothing extra. An action that is not in this table fails the test until someone looks it up.
 */
const ACTION_PERMISSIONS: Record<string, Record<string, 'read' | 'write'>> = {
  'actions/checkout': { contents: 'read' },
  'actions/setup-node': {},
  'actions/configure-pages': { pages: 'read' },
  'actions/upload-pages-artifact': {},
  'actions/deploy-pages': { pages: 'write', 'id-token': 'write' },
  'actions/upload-artifact': {},
};
/** GitHub's own actions may be used by major version; any other owner's must be pinned to a full commit. */
const FIRST_PARTY_OWNER = 'actions';

function neededPermissions(job: Job): Record<string, string> {
  const needed: Record<string, string> = {};
  for (const step of job.steps) {
    if (!step.uses) continue;
    const action = step.uses.split('@')[0]!;
    const permissions = ACTION_PERMISSIONS[action];
    if (!permissions) throw new Error(`${action} 不在 ACTION_PERMISSIONS 表里：请查明它需要的权限后加入`);
    for (const [scope, level] of Object.entries(permissions)) {
      if (needed[scope] !== 'write') needed[scope] = level;
    }
  }
  return needed;
}

describe.each(workflowFiles)('%s permissions', (file) => {
  const workflow = load(file);

  it.each(Object.keys(workflow.jobs))('job %s has exactly the permissions its steps need', (name) => {
    const job = workflow.jobs[name]!;
    // A job without its own block gets the workflow's; `{}` means none at all.
    const granted = job.permissions ?? workflow.permissions;
    expect(granted, `${name}: set permissions explicitly`).toBeDefined();
    expect(granted).toEqual(neededPermissions(job));
  });

  it('checks out without leaving the token behind, and pins third-party actions to a commit', () => {
    for (const job of Object.values(workflow.jobs)) {
      const pushes = job.steps.some((s) => /\bgit push\b/.test(s.run ?? ''));
      for (const step of job.steps) {
        if (!step.uses) continue;
        const [action, ref] = step.uses.split('@') as [string, string];
        if (action === 'actions/checkout' && !pushes) expect(step.with?.['persist-credentials'], step.name).toBe(false);
        if (action.split('/')[0] !== FIRST_PARTY_OWNER) expect(ref, step.uses).toMatch(/^[0-9a-f]{40}$/);
      }
    }
  });
});

describe('the permission check itself', () => {
  const deploy = load('deploy.yml');

  it('fails the deploy build job as it was on main: configure-pages with only contents: read', () => {
    const build = { ...deploy.jobs.build!, permissions: { contents: 'read' } };
    expect(build.permissions).not.toEqual(neededPermissions(build));
  });

  it('fails a job that is given more than it needs', () => {
    const build = { ...deploy.jobs.build!, permissions: { contents: 'write', pages: 'read' } };
    expect(build.permissions).not.toEqual(neededPermissions(build));
  });

  it('refuses an action it has no entry for', () => {
    const job: Job = { 'runs-on': 'ubuntu-latest', steps: [{ uses: 'someone/unknown-action@v1' }] };
    expect(() => neededPermissions(job)).toThrow(/ACTION_PERMISSIONS/);
  });
});

/** GitHub issue forms: https://docs.github.com/communities/using-templates-to-encourage-useful-issues-and-pull-requests/syntax-for-issue-forms */
interface IssueForm {
  name: string;
  description: string;
  labels?: string[];
  body: { type: string; id?: string; attributes: Record<string, unknown>; validations?: { required?: boolean } }[];
}

describe('issue templates', () => {
  const dir = path.join(GITHUB, 'ISSUE_TEMPLATE');
  const forms = fs.readdirSync(dir).filter((f) => f.endsWith('.yml'));

  it('offer a form for a wrong entry, a stale step and a broken link', () => {
    expect(forms.sort()).toEqual(['broken-link.yml', 'stale-steps.yml', 'wrong-entry.yml']);
  });

  it.each(forms)('%s is a well-formed issue form in Chinese', (file) => {
    const form = yaml.load(read(path.join(dir, file))) as IssueForm;
    expect(form.name).toMatch(/[\u4e00-\u9fff]/);
    expect(form.description).toMatch(/[\u4e00-\u9fff]/);
    expect(Object.keys(form).every((k) => ['name', 'description', 'title', 'labels', 'body'].includes(k))).toBe(true);
    const ids = form.body.flatMap((item) => (item.id ? [item.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
    for (const item of form.body) {
      expect(['markdown', 'input', 'textarea', 'dropdown', 'checkboxes']).toContain(item.type);
      if (item.type === 'markdown') {
        expect(typeof item.attributes.value).toBe('string');
        continue;
      }
      expect(item.id).toMatch(/^[a-z][a-z0-9_-]*$/);
      expect(String(item.attributes.label)).toMatch(/[\u4e00-\u9fff]/);
      if (item.type === 'dropdown') expect((item.attributes.options as string[]).length).toBeGreaterThan(1);
    }
    expect(form.body.some((item) => item.validations?.required)).toBe(true);
  });
});

describe('contributor files', () => {
  const guide = read(path.join(GITHUB, 'CONTRIBUTING.md'));

  it('CONTRIBUTING.md explains every field of every kind', () => {
    const instructorFields = Object.keys(InstructorSchema.shape).map((name) => `instructors[].${name}`);
    const fields = new Set([...KINDS.flatMap(entryFields), ...instructorFields]);
    for (const field of fields) expect(guide, field).toContain(`\`${field}\``);
  });

  it('CONTRIBUTING.md names the real commands, templates and links to its own sections', () => {
    for (const text of [
      'npm run new',
      'npm run import',
      'npm run validate',
      'npm run validate -- --changed',
      'npm start',
      '.github/entry-templates/',
    ]) {
      expect(guide).toContain(text);
    }
    const anchors = new Set(
      [...guide.matchAll(/^#+ (.+)$/gm)].map((m) =>
        m[1]!
          .toLowerCase()
          .replace(/[^\p{L}\p{N}\s_-]/gu, '')
          .replace(/\s/g, '-'),
      ),
    );
    for (const [, anchor] of guide.matchAll(/\]\(#([^)]+)\)/g)) expect(anchors, anchor).toContain(anchor);
  });

  it('the pull-request template asks for both approvals and checks privacy', () => {
    const template = read(path.join(GITHUB, 'pull_request_template.md'));
    expect(template).toMatch(/- \[ \] 申报单位已审核同意/);
    expect(template).toMatch(/- \[ \] 省级教育行政部门已审核同意推荐.*委托的省级开放大学/);
    expect(template).toMatch(/- \[ \] 没有任何个人手机号、固定电话或身份证号/);
  });

  it('CODEOWNERS gives every line an owner', () => {
    const lines = read(path.join(GITHUB, 'CODEOWNERS'))
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('#'));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^\S+(\s+@[\w.-]+(\/[\w.-]+)?)+$/);
    expect(lines.some((line) => line.startsWith('/content/'))).toBe(true);
  });
});
