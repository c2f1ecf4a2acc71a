import type { APIRoute } from 'astro';
import { getCatalogue } from '../../collections/catalogue.ts';
import { catalogueRecords, toCsv, toCsvRows } from '../../export/open-data.ts';

/** The same entries as entries.json for Excel and WPS: summary only, no body text. */
export const GET: APIRoute = async () => {
  const records = catalogueRecords(await getCatalogue());
  return new Response(toCsv(toCsvRows(records)), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present' },
  });
};
