import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalogue } from '../../collections/catalogue.ts';
import {
  catalogueRecords,
  exportDocument,
  ExportDocumentSchema,
  generatedDate,
  tableDocument,
  TABLES,
  toJson,
  type ExportDocument,
  type TableName,
} from '../../export/open-data.ts';
import { KINDS, type Kind } from '../../config/paths.ts';

export const getStaticPaths = (() =>
  [...KINDS, ...Object.keys(TABLES)].map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

const isKind = (name: string): name is Kind => (KINDS as readonly string[]).includes(name);

/**
 * courses.json, cases.json, projects.json: one kind each, in the shape of entries.json and with its date;
 * units.json, batches.json, scenarios.json: the tables that the entries' unitId, batch and scenarios point to.
 */
export const GET: APIRoute = async ({ params }) => {
  const catalogue = await getCatalogue();
  const name = params.name!;
  let json: string;
  if (isKind(name)) {
    const all = catalogueRecords(catalogue);
    const records = all.filter((record) => record.kind === name);
    json = toJson(ExportDocumentSchema.parse(exportDocument(records, generatedDate(all))) as ExportDocument);
  } else {
    json = `${JSON.stringify(tableDocument(name as TableName, catalogue), null, 2)}\n`;
  }
  return new Response(json, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
