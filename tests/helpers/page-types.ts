/** One page of every type, for the browser tests and the screenshot job. */
export interface PageType {
  name: string;
  path: string;
}

export const PAGE_TYPES: PageType[] = [
  { name: 'home', path: '/' },
  { name: 'courses', path: '/courses/' },
  { name: 'cases', path: '/cases/' },
  { name: 'projects', path: '/projects/' },
  { name: 'promoted', path: '/courses/tuijie/' },
  { name: 'course', path: '/courses/sunbei-shipin-tonghua/' },
  { name: 'case', path: '/cases/laonian-kaida-zhihui-zhulao-tixi/' },
  { name: 'project', path: '/projects/yinling-shouji-ketang/' },
  { name: 'withdrawn', path: '/courses/jiankangma-xingchengka/' },
  { name: 'scenarios', path: '/scenarios/' },
  { name: 'scenario', path: '/scenarios/jiuyi/' },
  { name: 'provinces', path: '/provinces/' },
  { name: 'province', path: '/provinces/zhejiang/' },
  { name: 'batches', path: '/batches/' },
  { name: 'batch', path: '/batches/1/' },
  { name: 'book', path: '/batches/1/book/' },
  { name: 'progress', path: '/progress/' },
  { name: 'search', path: '/search/?q=挂号' },
  { name: 'glossary', path: '/glossary/' },
  { name: 'favorites', path: '/favorites/' },
  { name: 'data', path: '/data/' },
  { name: 'forms', path: '/forms/' },
  { name: 'about', path: '/about/' },
  { name: 'help', path: '/help/' },
  { name: 'accessibility', path: '/accessibility/' },
  { name: 'not-found', path: '/no-such-page/' },
];
