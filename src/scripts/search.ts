import { excerpt, normalizeQuery, queryKeys, relevance, splitQuery } from '../search/query.ts';
import { correctQuery, readLexicon, type Lexicon, type LexiconData } from '../search/query-correction.ts';
import { translator } from '../i18n/translate.ts';
import { SEARCH_UI } from '../i18n/zh-CN/search.ts';

const t = translator(SEARCH_UI);

export interface PagefindResultData {
  url: string;
  excerpt: string;
  content: string;
  meta: Record<string, string>;
}
export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}
/** Where a query stands: its results, and how well the best of them covers what it asks (0–1, see coverage). */
interface Found extends PagefindSearch {
  best: number;
}
export interface PagefindSearch {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
}
export interface Pagefind {
  init(): Promise<void>;
  mergeIndex(indexPath: string): Promise<void>;
  options(options: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(query: string | null, options?: { filters?: Record<string, string[]> }): Promise<PagefindSearch>;
}

const PAGE = 10;

function el<T extends HTMLElement = HTMLElement>(
  tag: string,
  props: Record<string, string> = {},
  ...children: (Node | string)[]
): T {
  const node = Object.assign(document.createElement(tag), props) as unknown as T;
  node.append(...children);
  return node;
}

/** Reads ?q=…&scenario=… so that a search can be sent as a link and the back button works. */
function readState(facets: string[]): { query: string; filters: Record<string, string[]>; exact: boolean } {
  const params = new URLSearchParams(location.search);
  const filters: Record<string, string[]> = {};
  for (const facet of facets) {
    const values = params.getAll(facet).filter(Boolean);
    if (values.length) filters[facet] = values;
  }
  return { query: (params.get('q') ?? '').trim(), filters, exact: params.get(EXACT) === '1' };
}

/** `?exact=1`: search the words as typed, without correcting them (the link under 您是不是要找). */
const EXACT = 'exact';

function searchUrl(query: string, filters: Record<string, string[]>, exact = false): string {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  for (const [facet, values] of Object.entries(filters)) for (const v of values) params.append(facet, v);
  if (exact) params.set(EXACT, '1');
  return `${location.pathname}${params.size ? `?${params}` : ''}`;
}

function writeState(query: string, filters: Record<string, string[]>, push: boolean): void {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  for (const [facet, values] of Object.entries(filters)) for (const v of values) params.append(facet, v);
  const url = `${location.pathname}${params.size ? `?${params}` : ''}`;
  if (url === `${location.pathname}${location.search}`) return;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

/**
 * Looks up each word of the query on its own and ranks the pages by how much of the query they match: the wider
 * search, for when the whole query matches only a page or two. Pairs that most pages contain (手机) are no evidence,
 * and are not looked up when the query has other words.
 */
export async function searchEachWord(
  pagefind: Pagefind,
  words: string[],
  filters: Record<string, string[]>,
  common: ReadonlySet<string>,
): Promise<PagefindSearch> {
  const telling = words.filter((word) => !common.has(word));
  const looked = telling.length > 0 ? telling : words;
  const searches = await Promise.all(looked.map((word) => pagefind.search(word, { filters })));
  const merged = new Map<string, PagefindResult & { matched: number; total: number }>();
  searches.forEach((search, i) => {
    const weight = [...looked[i]!].length;
    for (const result of search.results) {
      const seen = merged.get(result.id);
      if (seen) {
        seen.matched += weight;
        seen.total += result.score;
      } else {
        // Pagefind's worker lets go of a result's data once the result object is garbage-collected: the copy reads
        // it through the original, which keeps it alive (a spread copy of `data` alone read null on a busy phone).
        merged.set(result.id, { ...result, data: () => result.data(), matched: weight, total: result.score });
      }
    }
  });
  const results = [...merged.values()].sort((a, b) => b.matched - a.matched || b.total - a.total);
  const counts: Record<string, Record<string, number>> = {};
  for (const search of searches) {
    for (const [facet, values] of Object.entries(search.filters)) {
      counts[facet] ??= {};
      for (const [value, n] of Object.entries(values)) counts[facet]![value] = Math.max(counts[facet]![value] ?? 0, n);
    }
  }
  return { results, filters: counts };
}

/**
 * Keeps the results that are about the query: those of the first page are read (Pagefind loads them to show them
 * anyway) and kept only if they cover more than half of what it asks (see relevance), best first. When any of them
 * was not, the unread rest is dropped too: it is ranked lower still.
 */
async function keepRelevant(found: PagefindSearch, query: string, common: ReadonlySet<string>): Promise<Found> {
  const first = found.results.slice(0, PAGE);
  const data = await Promise.all(first.map((r) => r.data()));
  const scored = first
    .map((result, i) => ({
      result,
      share: relevance(
        { content: data[i]!.content, title: data[i]!.meta.title ?? '', summary: data[i]!.meta.summary ?? '' },
        query,
        common,
      ),
    }))
    .filter((r) => r.share > 0.5)
    .sort((a, b) => b.share - a.share);
  const results = scored.map((r) => r.result);
  if (scored.length === first.length) results.push(...found.results.slice(PAGE));
  return { results, filters: results.length ? found.filters : nothing(found).filters, best: scored[0]?.share ?? 0 };
}

/** No results, with every filter value counted as 0. */
function nothing(found: PagefindSearch): PagefindSearch {
  const filters = Object.fromEntries(
    Object.entries(found.filters).map(([facet, values]) => [
      facet,
      Object.fromEntries(Object.keys(values).map((v) => [v, 0])),
    ]),
  );
  return { results: [], filters };
}

/** Fewer results than this from the whole query, and the wider search runs too. */
const NARROW = 3;

/** The whole query first; when that finds only a page or two, each of its words too, narrow matches first. */
async function find(
  pagefind: Pagefind,
  query: string,
  filters: Record<string, string[]>,
  common: ReadonlySet<string>,
): Promise<Found> {
  const normalized = normalizeQuery(query);
  const narrow = await pagefind.search(normalized || null, { filters });
  const words = splitQuery(query);
  if (!normalized || narrow.results.length >= NARROW || words.length < 2) return keepRelevant(narrow, query, common);
  const wide = await searchEachWord(pagefind, words, filters, common);
  const ids = new Set(narrow.results.map((r) => r.id));
  return keepRelevant(
    {
      results: [...narrow.results, ...wide.results.filter((r) => !ids.has(r.id))],
      filters: narrow.results.length ? narrow.filters : wide.filters,
    },
    query,
    common,
  );
}

export async function setUpSearch(): Promise<void> {
  const app = document.querySelector<HTMLElement>('[data-search-app]');
  if (!app) return;
  const facetLabels = JSON.parse(app.dataset.facets!) as Record<string, string>;
  const facets = Object.keys(facetLabels);
  const input = document.querySelector<HTMLInputElement>('#search-input')!;
  const form = input.form!;
  const status = app.querySelector<HTMLElement>('[data-search-status]')!;
  const filterBox = app.querySelector<HTMLElement>('[data-search-filters]')!;
  const results = app.querySelector<HTMLOListElement>('[data-search-results]')!;
  const more = app.querySelector<HTMLButtonElement>('[data-search-more]')!;
  const none = app.querySelector<HTMLElement>('[data-search-none]')!;
  const scenarios = document.querySelector<HTMLElement>('[data-search-scenarios]')!;
  const suggestion = app.querySelector<HTMLElement>('[data-search-suggestion]')!;
  const common = new Set((app.dataset.common ?? '').split(' ').filter(Boolean));
  let lexicon: Promise<Lexicon | undefined> | undefined;
  // Fetched once, and only when a search finds too little: most searches never need it.
  const loadLexicon = () =>
    (lexicon ??= fetch(app.dataset.lexicon!)
      .then((r) => (r.ok ? (r.json() as Promise<LexiconData>) : Promise.reject(new Error(String(r.status)))))
      .then(readLexicon)
      .catch(() => undefined));

  let pagefind: Pagefind;
  try {
    const bundle = app.dataset.bundle!;
    pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
    await pagefind.options({ excerptLength: 40 });
    await pagefind.init();
    // The index is built in shards (scripts/build/search-index.ts); results and filter counts span all of them.
    const response = await fetch(`${bundle}shards.json`);
    if (!response.ok) throw new Error(`${response.status} ${response.url}`);
    const shards = (await response.json()) as string[];
    await Promise.all(shards.map((shard) => pagefind.mergeIndex(new URL(shard, location.origin + bundle).pathname)));
  } catch {
    status.textContent = t('search.error');
    return;
  }
  const allFilters = await pagefind.filters();

  let state = readState(facets);
  let shown = 0;
  let current: PagefindSearch | undefined;
  let shownKeys: string[] = [];
  let run = 0;

  const renderFilters = (counts: Record<string, Record<string, number>>) => {
    // Keep keyboard focus on the box just ticked: the boxes are rebuilt with fresh counts.
    const focused =
      document.activeElement instanceof HTMLInputElement && filterBox.contains(document.activeElement)
        ? document.activeElement
        : undefined;
    const focusKey = focused ? `${focused.name}\u0000${focused.value}` : undefined;
    filterBox.replaceChildren(
      ...facets
        .filter((facet) => Object.keys(allFilters[facet] ?? {}).length > 0)
        .map((facet) => {
          const fieldset = el('fieldset');
          fieldset.dataset.facet = facet;
          fieldset.append(el('legend', { textContent: facetLabels[facet]! }));
          for (const value of Object.keys(allFilters[facet]!).sort((a, b) => a.localeCompare(b, 'zh-CN'))) {
            const checkbox = el<HTMLInputElement>('input', { type: 'checkbox', name: facet, value });
            checkbox.checked = state.filters[facet]?.includes(value) ?? false;
            checkbox.addEventListener('change', () => {
              const chosen = [...filterBox.querySelectorAll<HTMLInputElement>(`input[name="${facet}"]:checked`)].map(
                (c) => c.value,
              );
              if (chosen.length) state.filters[facet] = chosen;
              else delete state.filters[facet];
              writeState(state.query, state.filters, true);
              void search();
            });
            const count = counts[facet]?.[value] ?? 0;
            fieldset.append(el('label', {}, checkbox, `${value}（${count}）`));
          }
          return fieldset;
        }),
    );
    if (focusKey) {
      const again = [...filterBox.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].find(
        (c) => `${c.name}\u0000${c.value}` === focusKey,
      );
      again?.focus();
    }
    if (Object.keys(state.filters).length) {
      const clear = el<HTMLButtonElement>('button', {
        type: 'button',
        className: 'zl-button zl-button--secondary',
        textContent: t('search.clearFilters'),
      });
      clear.addEventListener('click', () => {
        state.filters = {};
        writeState(state.query, state.filters, true);
        void search();
      });
      filterBox.append(clear);
    }
  };

  const showMore = async () => {
    if (!current) return;
    const batch = await Promise.all(current.results.slice(shown, shown + PAGE).map((r) => r.data()));
    for (const data of batch) {
      const title = el('a', { href: data.url, textContent: data.meta.title ?? '' });
      // The page's own text around the words searched for, never the hidden synonyms that Pagefind's excerpt can show.
      const excerptEl = el(
        'p',
        { className: 'excerpt' },
        ...excerpt(data.content, shownKeys).map((part) =>
          part.marked ? el('mark', { textContent: part.text }) : part.text,
        ),
      );
      results.append(
        el(
          'li',
          { className: 'zl-card zl-card--link result' },
          el('p', {
            className: 'meta',
            textContent: [data.meta.kind, data.meta.scenarios].filter(Boolean).join(' · '),
          }),
          el('h2', { className: 'zl-card__title' }, title),
          el('p', { textContent: data.meta.summary ?? '' }),
          ...(excerptEl.childNodes.length ? [excerptEl] : []),
          el('p', { className: 'meta', textContent: [data.meta.unit, data.meta.province].filter(Boolean).join(' · ') }),
        ),
      );
    }
    shown += batch.length;
    more.hidden = shown >= current.results.length;
  };

  const search = async () => {
    const mine = ++run;
    const query = normalizeQuery(state.query);
    const hasFilters = Object.keys(state.filters).length > 0;
    input.value = state.query;
    if (!query && !hasFilters) {
      results.replaceChildren();
      more.hidden = true;
      none.hidden = true;
      scenarios.hidden = false;
      status.textContent = t('search.prompt');
      renderFilters(allFilters);
      return;
    }
    status.textContent = t('search.loading');
    let found = await find(pagefind, query ? state.query : '', state.filters, common);
    let fixed: string | undefined;
    // Too little, or only part of the query explained: try what it may have meant (traditional characters,
    // a homophone from the input method, one wrong character), and keep the reading that finds more.
    if (query && !state.exact && (found.results.length < NARROW || found.best < 1)) {
      const loaded = await loadLexicon();
      for (const reading of loaded ? correctQuery(state.query, loaded) : []) {
        const second = await find(pagefind, reading, state.filters, common);
        if (second.results.length > 0 && (found.results.length === 0 || second.best > found.best)) {
          found = second;
          fixed = reading;
          break;
        }
      }
    }
    if (mine !== run) return;
    current = found;
    shownKeys = queryKeys(fixed ?? state.query);
    shown = 0;
    results.replaceChildren();
    renderFilters(found.filters);
    const count = found.results.length;
    none.hidden = count > 0;
    scenarios.hidden = count > 0;
    suggestion.hidden = !fixed;
    if (fixed) {
      suggestion.replaceChildren(
        el('p', { className: 'suggestion-fixed' }, t('search.didYouMean'), el('strong', { textContent: fixed })),
        el(
          'p',
          {},
          el('a', {
            href: searchUrl(state.query, state.filters, true),
            textContent: t('search.searchOriginal', { query: state.query }),
          }),
        ),
      );
    }
    await showMore();
    if (mine !== run) return;
    // Announced last, once the results are on the page.
    status.textContent =
      count === 0
        ? t('search.none', { query: state.query })
        : fixed
          ? t('search.correctedStatus', { query: state.query, fixed, count })
          : t(state.query ? 'search.resultsFor' : 'search.results', { query: state.query, count });
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    state.query = input.value.trim();
    state.exact = false;
    writeState(state.query, state.filters, true);
    void search();
  });
  more.addEventListener('click', () => void showMore());
  window.addEventListener('popstate', () => {
    state = readState(facets);
    void search();
  });
  await search();
}
