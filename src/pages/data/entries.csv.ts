import type { APIRoute } from 'astro';
import { getCatalogue } from '../../collections/catalogue.ts';
import { catalogueRecords, csvChunks, toCsvRows } from '../../export/open-data.ts';

/** The same entries as entries.json for Excel and WPS, text included, streamed a few hundred rows at a time. */
export const GET: APIRoute = async () => {
  const chunks = csvChunks(toCsvRows(catalogueRecords(await getCatalogue())));
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(body, {
    headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present' },
  });
};
