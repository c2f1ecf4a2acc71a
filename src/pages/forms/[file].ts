import type { APIRoute, GetStaticPaths } from 'astro';
import { KINDS, type Kind } from '../../config/paths.ts';
import { FORMS } from '../../import/form-layout.ts';
import { blankFormDocx } from '../../import/blank-form.ts';

/** The blank application forms (附件2–4) as Word files, written at build time from the layout the importer reads. */
export const getStaticPaths = (() =>
  KINDS.map((kind) => ({ params: { file: FORMS[kind].fileName }, props: { kind } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ kind: Kind }> = async ({ props }) =>
  new Response(Buffer.from(await blankFormDocx(props.kind)), {
    headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  });
