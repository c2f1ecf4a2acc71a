import type { APIRoute } from 'astro';
import { getCatalogue } from '../../collections/catalogue.ts';
import { getGuides } from '../../checks/guides.ts';
import { buildLexicon, searchableText, searchVocabularySource } from '../../search/lexicon.ts';

/** The correction and conversion data, fetched by the search page only when a search finds too little. */
export const GET: APIRoute = async () => {
  const catalogue = await getCatalogue();
  const { glossary } = getGuides();
  const lexicon = buildLexicon(searchVocabularySource(catalogue, glossary), catalogue.all.values().map(searchableText));
  return new Response(JSON.stringify(lexicon), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
