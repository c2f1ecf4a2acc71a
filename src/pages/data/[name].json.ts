import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalogue } from '../../collections/catalogue.ts';
import { tableDocument, TABLES, type TableName } from '../../export/open-data.ts';

export const getStaticPaths = (() =>
  Object.keys(TABLES).map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

/**
 * units.json, batches.json, scenarios.json: the tables that the entries' unitId, batch and scenarios point to.
 * (Entries are not split by kind: each kind's file repeated entries.json, some 116 MB at 10,000 entries.)
 */
export const GET: APIRoute = async ({ params }) => {
  const json = `${JSON.stringify(tableDocument(params.name as TableName, await getCatalogue()), null, 2)}\n`;
  return new Response(json, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
