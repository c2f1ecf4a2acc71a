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

/**
 * The five 计划单列市: cities with provincial-level planning whose units sometimes write the city where the
 * province belongs. Each belongs to its province; the city is kept as the unit's `city`.
 */
export const PLAN_CITIES: Readonly<Record<string, ProvinceName>> = {
  大连: '辽宁',
  青岛: '山东',
  宁波: '浙江',
  厦门: '福建',
  深圳: '广东',
};

export interface ProvinceReading {
  province: ProvinceName;
  /** The 计划单列市 written in place of the province */
  city?: string;
}

/** Ways of writing a region that mean it: 兵团 for 新疆生产建设兵团, 有关直属单位 for 直属单位. */
const OTHER_NAMES: Readonly<Record<string, ProvinceName>> = {
  兵团: '新疆生产建设兵团',
  新疆兵团: '新疆生产建设兵团',
  有关直属单位: '直属单位',
  教育部直属单位: '直属单位',
};

/**
 * A province as people write it: 山东, 山东省, 广西壮族自治区, 浙江 (with spaces or full-width letters), or a
 * 计划单列市 (宁波, 宁波市) that belongs to a province. Undefined when it is none of these.
 */
export function readProvince(written: string): ProvinceReading | undefined {
  const text = written.normalize('NFKC').replace(/\s+/g, '');
  const found = PROVINCES.find((p) => p.name === text || p.fullName === text) ?? undefined;
  if (found) return { province: found.name };
  if (OTHER_NAMES[text]) return { province: OTHER_NAMES[text] };
  const city = text.replace(/市$/, '');
  if (PLAN_CITIES[city]) return { province: PLAN_CITIES[city], city };
  // 内蒙古自治区 and the like are full names; 山东省 without the table's exact full name is still 山东.
  const short = text.replace(/(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区)$/, '');
  const byShort = PROVINCES.find((p) => p.name === short);
  return byShort ? { province: byShort.name } : undefined;
}
