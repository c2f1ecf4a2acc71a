import type { APIRoute, GetStaticPaths } from 'astro';
import { exportJsonSchema, SCHEMA_NAMES, type SchemaName } from '../../../export/open-data.ts';

export const getStaticPaths = (() => SCHEMA_NAMES.map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

/** The JSON Schema of each data file, derived from the export's own Zod schemas (src/export/open-data.ts). */
export const GET: APIRoute = ({ params }) =>
  new Response(`${JSON.stringify(exportJsonSchema(params.name as SchemaName), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
