import type { GlossaryTerm } from '../schemas/guides.ts';

/** Glossary words that appear in a text (by term or alias), in glossary order, each once. */
export function termsInText(text: string, glossary: Map<string, GlossaryTerm>): { slug: string; term: GlossaryTerm }[] {
  return [...glossary]
    .filter(([, term]) => [term.term, ...term.aliases].some((word) => text.includes(word)))
    .map(([slug, term]) => ({ slug, term }));
}

/** The same for an entry: its title, summary and the visible text of its body. */
export function termsInEntry(
  entry: { title: string; summary: string; text: string },
  glossary: Map<string, GlossaryTerm>,
): { slug: string; term: GlossaryTerm }[] {
  return termsInText(`${entry.title}\n${entry.summary}\n${entry.text}`, glossary);
}
