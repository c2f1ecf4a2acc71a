/** The 31 provincial regions, 新疆生产建设兵团 and 直属单位, with the pinyin slugs used in URLs. */
export const PROVINCES = [
  { name: '北京', fullName: '北京市', slug: 'beijing' },
  { name: '天津', fullName: '天津市', slug: 'tianjin' },
  { name: '河北', fullName: '河北省', slug: 'hebei' },
  { name: '山西', fullName: '山西省', slug: 'shanxi' },
  { name: '内蒙古', fullName: '内蒙古自治区', slug: 'neimenggu' },
  { name: '辽宁', fullName: '辽宁省', slug: 'liaoning' },
  { name: '吉林', fullName: '吉林省', slug: 'jilin' },
  { name: '黑龙江', fullName: '黑龙江省', slug: 'heilongjiang' },
  { name: '上海', fullName: '上海市', slug: 'shanghai' },
  { name: '江苏', fullName: '江苏省', slug: 'jiangsu' },
  { name: '浙江', fullName: '浙江省', slug: 'zhejiang' },
  { name: '安徽', fullName: '安徽省', slug: 'anhui' },
  { name: '福建', fullName: '福建省', slug: 'fujian' },
  { name: '江西', fullName: '江西省', slug: 'jiangxi' },
  { name: '山东', fullName: '山东省', slug: 'shandong' },
  { name: '河南', fullName: '河南省', slug: 'henan' },
  { name: '湖北', fullName: '湖北省', slug: 'hubei' },
  { name: '湖南', fullName: '湖南省', slug: 'hunan' },
  { name: '广东', fullName: '广东省', slug: 'guangdong' },
  { name: '广西', fullName: '广西壮族自治区', slug: 'guangxi' },
  { name: '海南', fullName: '海南省', slug: 'hainan' },
  { name: '重庆', fullName: '重庆市', slug: 'chongqing' },
  { name: '四川', fullName: '四川省', slug: 'sichuan' },
  { name: '贵州', fullName: '贵州省', slug: 'guizhou' },
  { name: '云南', fullName: '云南省', slug: 'yunnan' },
  { name: '西藏', fullName: '西藏自治区', slug: 'xizang' },
  { name: '陕西', fullName: '陕西省', slug: 'shaanxi' },
  { name: '甘肃', fullName: '甘肃省', slug: 'gansu' },
  { name: '青海', fullName: '青海省', slug: 'qinghai' },
  { name: '宁夏', fullName: '宁夏回族自治区', slug: 'ningxia' },
  { name: '新疆', fullName: '新疆维吾尔自治区', slug: 'xinjiang' },
  { name: '新疆生产建设兵团', fullName: '新疆生产建设兵团', slug: 'bingtuan' },
  { name: '直属单位', fullName: '教育部直属单位', slug: 'zhishu' },
] as const;

export type Province = (typeof PROVINCES)[number];
export type ProvinceName = Province['name'];

export const PROVINCE_NAMES = PROVINCES.map((p) => p.name) as [ProvinceName, ...ProvinceName[]];

export function getProvince(name: ProvinceName): Province {
  return PROVINCES.find((p) => p.name === name)!;
}
