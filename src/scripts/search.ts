import { mentionsAny, normalizeQuery, queryKeys, splitQuery } from '../lib/query.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  content: string;
  meta: Record<string, string>;
}
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}
interface PagefindSearch {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
}
interface Pagefind {
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
function readState(facets: string[]): { query: string; filters: Record<string, string[]> } {
  const params = new URLSearchParams(location.search);
  const filters: Record<string, string[]> = {};
  for (const facet of facets) {
    const values = params.getAll(facet).filter(Boolean);
    if (values.length) filters[facet] = values;
  }
  return { query: (params.get('q') ?? '').trim(), filters };
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

/** When the whole query finds nothing, look for each word and rank pages by how many words they match. */
async function searchEachWord(
  pagefind: Pagefind,
  words: string[],
  filters: Record<string, string[]>,
  empty: PagefindSearch,
): Promise<PagefindSearch> {
  if (words.length < 2) return empty;
  const searches = await Promise.all(words.map((word) => pagefind.search(word, { filters })));
  const merged = new Map<string, PagefindResult & { matched: number; total: number }>();
  for (const search of searches) {
    for (const result of search.results) {
      const seen = merged.get(result.id);
      if (seen) {
        seen.matched += 1;
        seen.total += result.score;
      } else {
        merged.set(result.id, { ...result, data: result.data, matched: 1, total: result.score });
      }
    }
  }
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
 * Whether the first page of results is about the query at all: at least one of them contains a key of it
 * (see queryKeys). Those are the results shown first, so Pagefind has loaded (and cached) them anyway.
 */
async function firstPageIsAbout(found: PagefindSearch, query: string): Promise<boolean> {
  const keys = queryKeys(query);
  if (keys.length === 0) return true;
  const first = await Promise.all(found.results.slice(0, PAGE).map((r) => r.data()));
  return first.some((data) => mentionsAny(`${data.content}\n${Object.values(data.meta).join('\n')}`, keys));
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

export async function setUpSearch(): Promise<void> {
  const app = document.querySelector<HTMLElement>('[data-search-app]');
  if (!app) return;
  const facetLabels = JSON.parse(app.dataset.facets!) as Record<string, string>;
  const strings = JSON.parse(app.dataset.strings!) as Record<string, string>;
  const facets = Object.keys(facetLabels);
  const input = document.querySelector<HTMLInputElement>('#search-input')!;
  const form = input.form!;
  const status = app.querySelector<HTMLElement>('[data-search-status]')!;
  const filterBox = app.querySelector<HTMLElement>('[data-search-filters]')!;
  const results = app.querySelector<HTMLOListElement>('[data-search-results]')!;
  const more = app.querySelector<HTMLButtonElement>('[data-search-more]')!;
  const none = app.querySelector<HTMLElement>('[data-search-none]')!;
  const scenarios = document.querySelector<HTMLElement>('[data-search-scenarios]')!;

  let pagefind: Pagefind;
  try {
    const bundle = app.dataset.bundle!;
    pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
    await pagefind.options({ excerptLength: 40 });
    await pagefind.init();
    // The index is built in shards (scripts/lib/search-index.ts); results and filter counts span all of them.
    const response = await fetch(`${bundle}shards.json`);
    if (!response.ok) throw new Error(`${response.status} ${response.url}`);
    const shards = (await response.json()) as string[];
    await Promise.all(shards.map((shard) => pagefind.mergeIndex(new URL(shard, location.origin + bundle).pathname)));
  } catch {
    status.textContent = strings.error!;
    return;
  }
  const allFilters = await pagefind.filters();

  let state = readState(facets);
  let shown = 0;
  let current: PagefindSearch | undefined;
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
        textContent: strings.clear!,
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
      const excerpt = el('p', { className: 'excerpt' });
      excerpt.innerHTML = data.excerpt; // Pagefind escapes the text and adds only <mark>
      results.append(
        el(
          'li',
          { className: 'result' },
          el('p', {
            className: 'meta',
            textContent: [data.meta.kind, data.meta.scenarios].filter(Boolean).join(' · '),
          }),
          el('h2', {}, title),
          el('p', { textContent: data.meta.summary ?? '' }),
          excerpt,
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
      status.textContent = strings.prompt!;
      renderFilters(allFilters);
      return;
    }
    status.textContent = strings.loading!;
    let found = await pagefind.search(query || null, { filters: state.filters });
    if (query && (found.results.length === 0 || !(await firstPageIsAbout(found, state.query)))) {
      found = await searchEachWord(pagefind, splitQuery(state.query), state.filters, nothing(found));
      // Still nothing that mentions the query: say so, with tips, rather than list pages about something else.
      if (found.results.length > 0 && !(await firstPageIsAbout(found, state.query))) found = nothing(found);
    }
    if (mine !== run) return;
    current = found;
    shown = 0;
    results.replaceChildren();
    renderFilters(found.filters);
    const count = found.results.length;
    none.hidden = count > 0;
    scenarios.hidden = count > 0;
    await showMore();
    if (mine !== run) return;
    // Announced last, once the results are on the page.
    status.textContent =
      count === 0
        ? strings.none!.replace('{query}', state.query)
        : (state.query ? strings.resultsFor! : strings.results!)
            .replace('{query}', state.query)
            .replace('{count}', String(count));
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    state.query = input.value.trim();
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
