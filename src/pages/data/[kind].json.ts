import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalogue } from '../../lib/collections.ts';
import { catalogueRecords, exportDocument, generatedDate, toJson } from '../../lib/export.ts';
import { KINDS, type Kind } from '../../lib/paths.ts';

export const getStaticPaths = (() => KINDS.map((kind) => ({ params: { kind } }))) satisfies GetStaticPaths;

/** courses.json, cases.json, projects.json: one kind each, in the shape of entries.json and with its date. */
export const GET: APIRoute = async ({ params }) => {
  const all = catalogueRecords(await getCatalogue());
  const records = all.filter((record) => record.kind === (params.kind as Kind));
  return new Response(toJson(exportDocument(records, generatedDate(all))), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
