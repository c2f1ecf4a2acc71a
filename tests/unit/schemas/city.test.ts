import { describe, expect, it } from 'vitest';
import { cityOfUnit, readProvince, type ProvinceName } from '../../../src/schemas/provinces.ts';

/** A unit as units.yaml holds it once read: province written as people write it, a 计划单列市 kept as `city`. */
function unit(name: string, written: string) {
  const reading = readProvince(written)!;
  return { name, province: reading.province as ProvinceName, city: reading.city };
}

const city = (name: string, province: string) => cityOfUnit(unit(name, province))?.name;

describe('the city a unit is located in', () => {
  it('reads a prefecture-level city at the start of the name, with or without the province before it', () => {
    expect(city('杭州市上城区老年大学', '浙江')).toBe('杭州');
    expect(city('浙江省杭州市拱墅区社区学院', '浙江')).toBe('杭州');
    expect(city('浙江杭州市老年开放大学', '浙江省')).toBe('杭州');
    expect(city('江苏省苏州市吴中区社区教育学院', '江苏')).toBe('苏州');
    expect(city('成都市青羊区老年大学', '四川')).toBe('成都');
    expect(city('内蒙古自治区呼和浩特市老年大学', '内蒙古')).toBe('呼和浩特');
    expect(city('广西壮族自治区南宁市社区教育学院', '广西')).toBe('南宁');
    expect(city('河北省石家庄市老年大学', '河北')).toBe('石家庄');
  });

  it('reads a county-level city, an autonomous prefecture, a 地区 and a 盟', () => {
    expect(city('浙江省义乌市老年大学', '浙江')).toBe('义乌');
    expect(city('甘南藏族自治州老年开放大学', '甘肃')).toBe('甘南');
    expect(city('云南省红河哈尼族彝族自治州开放大学', '云南')).toBe('红河');
    expect(city('黔东南苗族侗族自治州社区教育学院', '贵州')).toBe('黔东南');
    expect(city('新疆博尔塔拉蒙古自治州老年大学', '新疆')).toBe('博尔塔拉');
    expect(city('吉林省延边朝鲜族自治州老年大学', '吉林')).toBe('延边');
    expect(city('西藏阿里地区老年大学', '西藏')).toBe('阿里');
    expect(city('内蒙古锡林郭勒盟老年大学', '内蒙古')).toBe('锡林郭勒');
    expect(city('新疆生产建设兵团第八师石河子市老年大学', '兵团')).toBe('石河子');
  });

  it('keeps the name as written for the words a search may use', () => {
    expect(cityOfUnit(unit('杭州市上城区老年大学', '浙江'))).toEqual({ name: '杭州', fullName: '杭州市' });
    expect(cityOfUnit(unit('甘南藏族自治州老年开放大学', '甘肃'))).toEqual({
      name: '甘南',
      fullName: '甘南藏族自治州',
    });
    expect(cityOfUnit(unit('内蒙古锡林郭勒盟老年大学', '内蒙古'))).toEqual({
      name: '锡林郭勒',
      fullName: '锡林郭勒盟',
    });
  });

  it('a city whose name is its province’s keeps its name (吉林市)', () => {
    expect(city('吉林省吉林市老年大学', '吉林')).toBe('吉林');
    expect(city('吉林市船营区社区学院', '吉林')).toBe('吉林');
  });

  it('a provincial-level city is the city of every unit in it', () => {
    expect(cityOfUnit(unit('上海市徐汇区老年大学', '上海'))).toEqual({ name: '上海', fullName: '上海市' });
    expect(city('复旦大学继续教育学院', '上海')).toBe('上海');
    expect(city('重庆市渝中区社区教育学院', '重庆市')).toBe('重庆');
    expect(city('北京开放大学', '北京')).toBe('北京');
  });

  it('a 计划单列市 written as the province is the city, whatever the name says', () => {
    expect(cityOfUnit(unit('宁波老年大学', '宁波'))).toEqual({ name: '宁波', fullName: '宁波市' });
    expect(city('青岛市市南区社区学院', '青岛市')).toBe('青岛');
    expect(city('深圳市南山区老年大学', '广东')).toBe('深圳');
  });

  it('invents no city when the name names none', () => {
    expect(city('浙江省老年大学', '浙江')).toBeUndefined();
    expect(city('浙江老年开放大学', '浙江')).toBeUndefined();
    expect(city('苏州大学', '江苏')).toBeUndefined();
    expect(city('江苏城市职业学院', '江苏')).toBeUndefined();
    expect(city('湖北示例大学继续教育学院', '湖北')).toBeUndefined();
    expect(city('福建示例银龄数字公益服务中心', '福建')).toBeUndefined();
    expect(city('兵团示例师老年大学', '兵团')).toBeUndefined();
    expect(city('示例直属单位老年教育研究中心', '直属单位')).toBeUndefined();
    expect(city('安吉县老年大学', '浙江')).toBeUndefined();
    expect(city('浙江省农村地区老年教育指导中心', '浙江')).toBeUndefined();
    expect(city('华东地区老年教育联盟', '上海')).toBe('上海');
    expect(city('西部地区老年教育联盟', '四川')).toBeUndefined();
    expect(city('中国老年大学协会', '直属单位')).toBeUndefined();
    expect(city('四川省老年大学协会', '四川')).toBeUndefined();
  });
});
