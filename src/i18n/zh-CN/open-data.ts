/**
 * /data/ (开放数据): how the open data is laid out, for the people who import it. A key ending in `Html` holds
 * inline markup (<code>, and links within the page or to a named site), shown with set:html; its placeholders
 * are filled with the site's own constants, never with content.
 */
export const OPEN_DATA_UI = {
  'data.title': '开放数据',
  'data.description': '下载本站全部条目的公开信息（JSON 和 CSV），并查看每个字段的含义和数据的许可。',
  'data.intro':
    '本站把每个条目公开的信息整理成数据文件，供全国老年教育资源共享和公共服务平台导入，也欢迎其他单位和个人下载使用。 数据里只有网页上本来就公开的内容，没有任何个人手机号、固定电话或身份证号。',
  'data.version': '数据格式版本',
  'data.generated': '数据日期',
  'data.noEntries': '还没有条目',
  'data.count': '条目数',
  'data.countValue': '共 {count} 条',
  'data.countWithdrawn': '，其中已撤下 {count} 条',
  'data.digest': '内容摘要（digest）',
  'data.filesHeading': '下载数据',
  'data.files.entriesJson': '全部条目（JSON）',
  'data.files.entriesJsonNote': '：{count} 条，含正文，适合程序导入。',
  'data.files.entriesCsv': '全部条目（CSV 表格）',
  'data.files.entriesCsvNote': '：{count} 条，含正文，用 Excel 或 WPS 可以直接打开。',
  'data.files.kindCountHtml': '<code>{kind}</code>（{name}，{count} 条）',
  'data.files.byKindHtml':
    '按类别使用：每个条目的 <code>kind</code>（CSV 的“类别编号”一列）是 {counts}。按它筛选即可，不另设按类别的文件。',
  'data.files.table': '{title}表（JSON）',
  'data.files.tableNoteHtml': '：条目里的 <code>{field}</code> 指向这张表。',
  'data.files.rss': '最新内容（RSS 订阅）',
  'data.files.rssNoteHtml': '：最新上线的 50 条（按上线日期 <code>addedOn</code> 排列），不含已撤下的条目。',
  'data.formatsHeading': '文件是什么样的',
  'data.jsonHeading': 'JSON 文件',
  'data.jsonIntro': 'UTF-8 编码。最外层是一个对象，本站现在的数据是这样：',
  'data.jsonEntries': '…每个条目一项…',
  'data.json.schemaHtml': '<code>$schema</code>：这个文件遵循的 JSON Schema 的网址，见<a href="#schema">数据结构</a>。',
  'data.json.versionHtml': '<code>version</code>：数据格式的版本号。',
  'data.json.licenseHtml': '<code>license</code>、<code>licenseUrl</code>：开放数据的许可协议。',
  'data.json.sourceHtml': '<code>source</code>、<code>documentation</code>：本站首页和本页的网址。',
  'data.json.countHtml': '<code>count</code>：文件里的条目数。',
  'data.json.digestHtml':
    '<code>digest</code>：内容摘要，是 <code>entries</code> 列表写成紧凑 JSON（UTF-8，不加空格和换行）后的 SHA-256，用 Base64 书写，前面加 <code>sha256-</code>（和网页“子资源完整性”的写法相同）。任何一个条目有任何改动，摘要都会变；摘要没变，内容就没变。',
  'data.json.generatedHtml': '<code>generated</code>：数据日期，见下文。',
  'data.json.entriesHtml':
    '<code>entries</code>：条目列表，按推荐日期从新到旧排列。每个条目的字段见下面的<a href="#fields">字段说明</a>， 字段的顺序也和表格相同。选填字段没有填写时写成 <code>null</code>，空列表写成 <code>[]</code>。 每个条目的 <code>id</code>（例如 <code>courses/shouji-guahao</code>）与网站的地址无关，发布后不变，导入时请用它作主键；<code>url</code> 会随网站地址改变。',
  'data.json.tablesHtml':
    '申报单位、批次和应用场景三张表的外层相同，只是列表的名称是 <code>units</code>、<code>batches</code> 或<code>scenarios</code>，每项有自己的 <code>id</code>。',
  'data.schemaHeading': '数据结构（JSON Schema）',
  'data.schemaIntro':
    '每个 JSON 文件的结构都发布为 JSON Schema（2020-12 版），由本站生成数据时所用的同一份规则得出， 本站的测试用 JSON Schema 校验器逐一检查每个数据文件：',
  'data.schema.entries': '条目（entries.json）',
  'data.schema.table': '{title}（{name}.json）',
  'data.schemaStrictHtml':
    '结构是严格的：不允许出现 Schema 里没有的字段。所以格式每变一次，版本号都加一，变化写在下面的<a href="#changes">版本变更记录</a>里。',
  'data.csvHeading': 'CSV 表格',
  'data.csv.encoding': 'UTF-8 编码，文件开头带 BOM，用 Excel 或 WPS 打开时中文不会乱码。',
  'data.csv.rfc':
    '按 RFC 4180 标准书写：用英文逗号分隔，每行以回车换行（CRLF）结束；内容里有逗号、双引号或换行时，整格用双引号括起来，里面的双引号写两遍。',
  'data.csv.writerHtml':
    '由 <a href="https://csv.js.org/stringify/" rel="noopener noreferrer">csv-stringify</a> 书写，用任何符合 RFC 4180 的程序都能读。',
  'data.csv.headerHtml':
    '第一行是中文列名，也就是下面字段说明里的“名称”；之后每行一个条目，三类条目在同一张表里，不属于本类的列留空。 每个中文列名对应的英文字段名见<a href="#csv-columns">下面的对照表</a>，导入数据库时按它改名即可。',
  'data.csv.lists':
    '一格里有几项时（例如应用场景），每项占一行（格内换行）。每项本身不含换行（原文里的换行写成空格），所以按换行拆分就能得到原来的各项。',
  'data.csv.instructors':
    '授课人的姓名、单位和职务各占一列（“授课人：姓名”“授课人：单位”“授课人：职务”），每位授课人在每一列里占同一行。',
  'data.csv.booleans': '“是或否”的列写“是”或“否”；没有填写的格子留空。',
  'data.csv.textHtml': '正文（<code>text</code>）和案例、项目正文的各小节也在表里。',
  'data.csv.formulas':
    '以 = + - @ 开头的格子，前面加了一个英文单引号，免得表格软件把它当成公式运行；JSON 文件里是原样。',
  'data.csvColumnsHeading': 'CSV 列名和字段名对照',
  'data.csvColumn': 'CSV 列名',
  'data.fieldName': '字段名',
  'data.withdrawnHeading': '撤下的条目',
  'data.withdrawnHtml':
    '撤下的条目也在数据里，“已撤下”（<code>withdrawn</code>）为“是”（<code>true</code>）。它们的网址仍然可以打开，页面上会说明已经撤下； 导入后请不要再向读者推荐这些条目。',
  'data.datesHeading': '数据日期和版本号',
  'data.datesHtml':
    '数据日期（<code>generated</code>）是所有条目里最新的“上线日期”（<code>addedOn</code>）或“内容更新日期”（<code>updatedOn</code>），不是生成文件的时间。补录一个推荐日期很早的条目，它的上线日期是补录当天，数据日期也会随之更新。 内容没有变化时，重新生成的文件一模一样；任何改动（包括撤下条目）都会改变内容摘要（<code>digest</code>），所以判断要不要重新导入，请以摘要为准。',
  'data.versionsHtml':
    '字段增加、改名、删除或含义改变时，版本号（<code>version</code>）都加一。要判断内容有没有变化，请比较内容摘要（<code>digest</code>）。',
  'data.changesHeading': '版本变更记录',
  'data.changeVersion': '第 {version} 版',
  'data.fieldsHeading': '字段说明',
  'data.fieldsIntro':
    '下面的表格是从本站检查条目所用的规则自动生成的，所以和数据文件始终一致。“填写要求”说的是申报单位在条目里是否必须填写； “本站生成”的字段由本站根据其他信息得出，总是有值。',
  'data.fields.common': '三类条目共有的字段',
  'data.fields.kind': '{kind}另有的字段',
  'data.fields.name': '名称和字段',
  'data.fields.details': '类型、填写要求和说明',
  'data.fields.rowLabel': '{parent}：{label}',
  'data.fields.type': '类型：{type}',
  'data.fields.requirement': '填写要求：{requirement}',
  'data.required.derived': '本站生成，总是有值',
  'data.required.notInJson': '{requirement}；数据文件里没有这个字段',
  'data.required.yes': '必填',
  'data.required.no': '选填',
  'data.required.default': '选填，不填时为 {value}',
  'data.required.null': '选填，不填时为 null',
  'data.licenseHeading': '许可',
  'data.license.dataHtml':
    '开放数据和本站目录的文字以<a href="{url}" rel="license noopener noreferrer">知识共享署名 4.0 国际许可协议（{license}）</a>发布：可以自由复制、改编和再发布，商业用途也可以，只要注明来源“{site}”并附上本站网址。',
  'data.license.entriesHtml':
    '每个条目介绍的课程、视频、读本等资源，以及条目的正文（<code>text</code>），按该条目的“许可协议”（<code>license</code>）使用。写着“保留所有权利”的，转载或改编前请先征得申报单位同意。',
  'data.license.code': '网站的程序代码以 MIT 许可发布。',
} as const;
