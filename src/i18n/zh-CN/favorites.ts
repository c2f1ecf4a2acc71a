/** 我的收藏: the strings its page script shows (the list is drawn in the browser, from this device's storage). */
export const FAVORITES_UI = {
  'favorites.empty': '您还没有收藏。打开一门课程，点“收藏”按钮，就会出现在这里。',
  'favorites.count': '共收藏了 {count} 条',
} as const;
