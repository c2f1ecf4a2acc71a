/**
 * What each field is called on the forms (附件2/3/4) and what a correct value looks like.
 * Validation messages, the scaffolder and the contributor guide all read this one table.
 */
export const FIELDS = {
  title: { label: '名称', hint: '填写 4–40 字的名称' },
  summary: { label: '一句话简介', hint: '用一句话（不超过 80 字）说明这条内容能帮老年人做什么' },
  unit: { label: '申报单位', hint: '填写 units.yaml 里申报单位的编号（小写拼音，用短横线连接）' },
  batch: { label: '批次', hint: '填写 1、2 或 3（第一批、第二批、第三批）' },
  scenarios: { label: '应用场景', hint: '至少选一个场景，例如 [就医, 出行]，可选值见 scenarios.yaml' },
  status: { label: '状态', hint: '填写「推荐」（省级推荐）或「推介」（经专家评议后推介）' },
  featured: { label: '择优展示', hint: '填写 true 或 false' },
  recommendedOn: { label: '推荐日期', hint: '按 年-月-日 填写，例如 2021-10-20' },
  updatedOn: { label: '内容更新日期', hint: '按 年-月-日 填写，例如 2022-03-01，不早于推荐日期' },
  license: {
    label: '许可协议',
    hint: '可填 CC BY 4.0、CC BY-SA 4.0、CC BY-NC 4.0、CC BY-NC-SA 4.0 或 保留所有权利；不填时共享课程为 CC BY 4.0，其余为 保留所有权利',
  },
  cover: {
    label: '封面图片',
    hint: '填写与本文件同目录或子目录里图片的相对路径，例如 ./images/封面.png（支持 jpg、png、webp、avif、svg）',
  },
  coverAlt: { label: '封面图片说明', hint: '用一句话描述封面图片的内容（不超过 100 字），供看不见图片的读者使用' },
  video: {
    label: '短视频',
    hint: '填写本地视频文件的相对路径（mp4 或 webm），或全国老年教育资源共享和公共服务平台上的 https 地址',
  },
  captions: { label: '视频字幕', hint: '本地视频必须配 WebVTT 字幕文件（.vtt），填写它的相对路径' },
  withdrawn: { label: '已撤下', hint: '填写 true 或 false；撤下的内容保留网址，页面会说明已撤下' },
  areas: {
    label: '案例方面',
    hint: '从 办学系统管理、学习体验、康养基地建设、班级常规管理、班级活动创新管理、学习团队建设、学员党建工作、线上线下教育、教育机制、学习平台搭建、课程设置、教师管理、教学设计与应用、其他 中选择一个或多个',
  },
  areaNote: { label: '其他方面说明', hint: '选了「其他」时，用不超过 20 字说明是哪方面' },
  instructors: {
    label: '授课人',
    hint: '至少填写一位授课人，每位写明 name（姓名）、affiliation（单位）、position（职务或职称）',
  },
  name: { label: '姓名', hint: '填写 2–20 字的姓名' },
  affiliation: { label: '授课人单位', hint: '填写授课人的工作单位（不超过 40 字）' },
  position: { label: '职务（职称）', hint: '填写授课人的职务或职称（不超过 20 字），例如 讲师' },
  cohorts: { label: '培训期数', hint: '填写正整数，例如 6' },
  participants: { label: '培训人次', hint: '填写正整数，且不少于培训期数，例如 240' },
  resourceType: { label: '课程资源类型', hint: '填写 教材（读本）、视频资源 或 其他 之一' },
  file: { label: '教材文件', hint: '只有「教材（读本）」可以附 PDF 文件，填写它的相对路径，例如 ./files/读本.pdf' },
  minutes: { label: '视频时长（分钟）', hint: '视频资源必须填写时长，单位是分钟，填正整数，例如 25' },
  resourceNote: { label: '其他类型说明', hint: '资源类型为「其他」时，用不超过 30 字说明是什么形式，例如 图文卡片' },
  themes: { label: '课程主题', hint: '从 互联网+生活、智能手机应用、智慧生活 中选择一个或多个' },
  shared: { label: '是否同意共享', hint: '是否同意纳入全国老年教育课程资源库共享：填写 true 或 false' },
  link: { label: '网络链接地址', hint: '填写以 https:// 开头的课程网址' },
  members: { label: '核心成员', hint: '填写核心成员姓名的列表，例如 [王丽, 陈明]' },
  awards: { label: '曾获奖项', hint: '填写奖项名称的列表，没有就写 []' },
  body: { label: '正文', hint: '正文写在第二个 --- 之后' },
  // Data files
  province: { label: '所在省份', hint: '填写省级行政区简称，例如 浙江、内蒙古、新疆生产建设兵团，或 直属单位' },
  kind: {
    label: '单位类型',
    hint: '填写 开放大学、社区教育学院、老年大学、普通高校、职业院校、成人高校、社会组织、企业 或 其他',
  },
  deadline: { label: '报送截止日期', hint: '按 年-月-日 填写' },
  outcome: { label: '成果应用', hint: '用一两句话说明这一批的成果如何应用' },
  description: { label: '说明', hint: '用一句话说明' },
  synonyms: { label: '同义词', hint: '填写老年人常说的词的列表，例如 [看病, 挂号, 医院]' },
  notice: { label: '通知所列场景', hint: '是通知列出的五个高频场景之一时填 true，否则填 false' },
  order: { label: '排序', hint: '填写正整数，小的排在前面' },
  term: { label: '名词', hint: '填写老年人会遇到的词，不超过 10 字，例如 二维码' },
  aliases: { label: '其他写法', hint: '同一个词的其他说法的列表，例如 [扫码, 二维码图片]，没有就写 []' },
  explanation: { label: '解释', hint: '用大白话解释，10–150 字' },
  example: { label: '例子', hint: '一个生活中的例子，不超过 80 字' },
  slug: { label: '条目编号', hint: '填写条目的文件名（不带 .md），例如 shouji-yuyue-guahao' },
  sampleContent: { label: '示例内容提示', hint: '内容目录里是示例内容时填 true，换成正式内容后填 false' },
} as const satisfies Record<string, { label: string; hint: string }>;

export type FieldName = keyof typeof FIELDS;

export function fieldLabel(key: string): string {
  return key in FIELDS ? FIELDS[key as FieldName].label : key;
}

export function fieldHint(key: string): string | undefined {
  return key in FIELDS ? FIELDS[key as FieldName].hint : undefined;
}
