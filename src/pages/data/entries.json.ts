import type { APIRoute } from 'astro';
import { getCatalogue } from '../../lib/collections.ts';
import { catalogueRecords, exportDocument, generatedDate, toJson } from '../../lib/export.ts';

/** Every entry's public fields, withdrawn ones included and marked (documented on /data/). */
export const GET: APIRoute = async () => {
  const records = catalogueRecords(await getCatalogue());
  return new Response(toJson(exportDocument(records, generatedDate(records))), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
