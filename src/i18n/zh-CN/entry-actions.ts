/** The entry page's buttons (朗读, 收藏, 复制链接, 打印): its script imports this table and no other. */
export const ENTRY_ACTIONS_UI = {
  'actions.label': '这一页可以',
  'actions.readAloud': '朗读',
  'actions.pause': '暂停',
  'actions.resume': '继续',
  'actions.stop': '停止朗读',
  'actions.reading': '正在朗读',
  'actions.print': '打印',
  'actions.copyLink': '复制链接',
  'actions.copied': '链接已复制，可以粘贴到微信里发给家人。',
  'actions.copyFailed': '没能自动复制，请长按下面的网址手动复制。',
  'actions.favorite': '收藏',
  'actions.favorited': '已收藏',
  'actions.favoriteAdded': '已收藏。在“我的收藏”里可以找到它。',
  'actions.favoriteRemoved': '已取消收藏。',
} as const;
