/** The search page's messages, written by its script as results arrive. */
export const SEARCH_UI = {
  'search.clearFilters': '清除全部筛选',
  'search.loading': '正在搜索……',
  'search.results': '找到 {count} 条结果',
  'search.resultsFor': '“{query}”找到 {count} 条结果',
  'search.didYouMean': '您是不是要找：',
  'search.correctedStatus': '没有找到“{query}”，您是不是要找“{fixed}”？已为您搜索“{fixed}”，找到 {count} 条结果',
  'search.searchOriginal': '仍然搜索您输入的“{query}”',
  'search.none': '没有找到“{query}”的结果。',
  'search.prompt': '请输入想找的内容，例如“挂号”“打车”“付款”。',
  'search.error': '搜索暂时用不了，请稍后再试，或按生活场景找。',
} as const;
