import type { Channel } from '../schemas/shared.ts';
import type { ProvinceName } from '../schemas/provinces.ts';

/**
 * Who recommended an entry (推荐渠道), as the recommendation notice names them: a provincial education department,
 * 新疆生产建设兵团, or 有关直属单位. An entry says so in `channel`; when it does not, the unit's region tells:
 * a 兵团 unit came through 兵团, a 直属单位 through 有关直属单位, any other through its province.
 */
export function channelOf(written: Channel | undefined, province: ProvinceName): Channel {
  if (written) return written;
  if (province === '新疆生产建设兵团') return '新疆生产建设兵团';
  if (province === '直属单位') return '有关直属单位';
  return '省级教育行政部门';
}
