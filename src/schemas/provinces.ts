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

/** A city that a unit is located in: its short name (杭州, 甘南, 锡林郭勒) and its name as written (杭州市, 甘南藏族自治州). */
export interface City {
  name: string;
  fullName: string;
}

/** The four cities that are provincial regions: every unit in them is in that city. */
const PROVINCIAL_CITIES = new Set<ProvinceName>(['北京', '天津', '上海', '重庆']);

/** The ethnic groups that name autonomous prefectures (红河哈尼族彝族自治州): a prefecture's short name stops before them. */
const ETHNIC_GROUPS =
  '蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 ' +
  '柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 ' +
  '塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺';
const ETHNIC = `(?:${ETHNIC_GROUPS.split(' ')
  .sort((a, b) => b.length - a.length)
  .join('|')})族?`;

/**
 * The ways a name starts with the city it is in, once a province (浙江省, 江苏) and a 兵团 division (第八师) before
 * it are taken off: a prefecture-level or county-level 市 (杭州市, 义乌市), an autonomous prefecture (甘南藏族自治州),
 * a 地区 (阿里地区) or a 盟 (锡林郭勒盟). A city's name has two to four characters.
 */
const CITY_PATTERNS = [
  new RegExp(`^(\\p{Script=Han}{2,4}?)(?:${ETHNIC})+自治州`, 'u'),
  /^(\p{Script=Han}{2,4}?)(?:市|地区|盟)/u,
];

/** Words that say a run of text names an institution, not a place (江苏城市职业学院, 某某大学市场部). */
const NOT_A_PLACE = /[学校院会局厅部所馆司室站心队团]/u;

/** Kinds of area that a name may start with and that are no city (农村地区, 华东地区). */
const AREAS =
  /^(?:农村|城乡|城镇|城区|社区|山区|边远|偏远|贫困|少数民族|民族|东部|西部|中部|南部|北部|东北|西北|西南|东南|华东|华北|华南|华中)$/u;

/**
 * The city a unit is located in, as far as its record says so: a 计划单列市 written as its province (`city`), a
 * provincial-level city (上海, 重庆), or the city its name starts with (杭州市上城区老年大学 → 杭州; 江苏省苏州市… →
 * 苏州; 甘南藏族自治州… → 甘南). Undefined when the record names none (浙江省老年大学, 苏州大学): a city is never
 * guessed from anything else.
 */
export function cityOfUnit(unit: {
  name: string;
  province: ProvinceName;
  city?: string | undefined;
}): City | undefined {
  if (unit.city) {
    const name = unit.city.replace(/市$/, '');
    return { name, fullName: `${name}市` };
  }
  if (PROVINCIAL_CITIES.has(unit.province))
    return { name: unit.province, fullName: getProvince(unit.province).fullName };
  let text = unit.name.normalize('NFKC').replace(/\s+/g, '');
  // 浙江省杭州市… and 浙江杭州市… lose their province; 吉林市… keeps its city, whose name is the province's.
  const written = PROVINCES.flatMap((p) => [p.fullName, p.name])
    .sort((a, b) => b.length - a.length)
    .find((w) => text.startsWith(w));
  if (written && (written.endsWith('市') || text[written.length] !== '市')) text = text.slice(written.length);
  text = text.replace(/^第[一二三四五六七八九十]+师/u, '');
  for (const pattern of CITY_PATTERNS) {
    const match = pattern.exec(text);
    if (match && !NOT_A_PLACE.test(match[1]!) && !AREAS.test(match[1]!)) return { name: match[1]!, fullName: match[0] };
  }
  return undefined;
}
