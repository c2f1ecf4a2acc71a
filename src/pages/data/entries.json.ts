import type { APIRoute } from 'astro';
import { getCatalogue } from '../../collections/catalogue.ts';
import {
  catalogueRecords,
  exportDocument,
  ExportDocumentSchema,
  generatedDate,
  toJson,
  type ExportDocument,
} from '../../export/open-data.ts';

/** Every entry's public fields, withdrawn ones included and marked (documented on /data/). */
export const GET: APIRoute = async () => {
  const records = catalogueRecords(await getCatalogue());
  // Checked against the published schema, so that a file that does not follow it is never published.
  const document = ExportDocumentSchema.parse(exportDocument(records, generatedDate(records)));
  return new Response(toJson(document as ExportDocument), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
