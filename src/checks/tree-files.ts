import fs from 'node:fs';
import path from 'node:path';
import sax from 'sax';
import type { Problem } from '../report/problems.ts';

/**
 * Checks on the files of a content tree as files, before anything reads them as content:
 * - no symbolic links anywhere: a link would make the build copy (publish) whatever it points to, such as a
 *   system file or the CI job's `.git/config`;
 * - SVG pictures hold drawing only: an SVG opened at the site's address runs its scripts with the site's
 *   storage, and static hosts send no header that could stop it;
 * - no Word or Excel files (filled-in 申报表 and summary sheets): they carry the contacts' phone numbers, and
 *   `npm run import` reads them from outside the repository.
 */
/** Office files that hold filled-in forms: .docx, .doc, .xlsx, .xls and WPS's own formats. */
const FORM_FILES = /\.(docx?|xlsx?|wps|et)$/i;
const FORM_FILE_MESSAGE =
  '内容目录里不能放申报表或汇总表（Word、Excel 文件）：它们有负责人、联系人的电话，会随仓库公开。请把它移到仓库以外的文件夹，用 npm run import 从那里导入';

export function checkTreeFiles(contentDir: string): Problem[] {
  const problems: Problem[] = [];
  const root = fs.realpathSync(contentDir);
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) {
        problems.push({ file, field: '(文件)', message: describeSymlink(file, root) });
      } else if (entry.isDirectory()) {
        pending.push(file);
      } else if (entry.isFile() && FORM_FILES.test(entry.name)) {
        problems.push({ file, field: '(文件)', message: FORM_FILE_MESSAGE });
      } else if (entry.isFile() && /\.svg$/i.test(entry.name)) {
        const faults = svgFaults(fs.readFileSync(file, 'utf8'));
        if (faults.length > 0) problems.push({ file, field: '(文件)', message: describeSvgFaults(faults) });
      }
    }
  }
  return problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

function describeSymlink(file: string, root: string): string {
  let target: string;
  try {
    target = fs.readlinkSync(file);
  } catch {
    target = '?';
  }
  return `「${path.relative(root, file)}」是符号链接（快捷方式，指向 ${target}），内容目录里不接受：构建时它指向的文件会被原样发布，可能把仓库以外的文件公开出去。请删去这个链接，把真正的文件复制到这里`;
}

/** True when `file`, with every link resolved, lies inside `dir` (also resolved). */
export function isInsideTree(file: string, dir: string): boolean {
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch {
    return false;
  }
  const relative = path.relative(fs.realpathSync(dir), real);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

// ---------------------------------------------------------------------------------------------------------
// SVG: an allowlist of drawing elements and attributes

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
/** Editors' bookkeeping (Inkscape, Sodipodi, RDF licence metadata): browsers draw and run none of it. */
const INERT_NAMESPACES = new Set([
  'http://www.inkscape.org/namespaces/inkscape',
  'http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  'http://creativecommons.org/ns#',
  'http://web.resource.org/cc/',
  'http://purl.org/dc/elements/1.1/',
  'http://purl.org/dc/terms/',
  'http://ns.adobe.com/AdobeIllustrator/10.0/',
  'http://ns.adobe.com/Extensibility/1.0/',
  'http://ns.adobe.com/Graphs/1.0/',
  'http://ns.adobe.com/SaveForWeb/1.0/',
  'http://ns.adobe.com/Variables/1.0/',
  'http://ns.adobe.com/ImageReplacement/1.0/',
  'http://ns.adobe.com/xap/1.0/',
]);

const SVG_ELEMENTS = new Set(
  (
    'svg g defs symbol use title desc metadata path rect circle ellipse line polyline polygon text tspan textPath ' +
    'linearGradient radialGradient stop pattern clipPath mask marker filter style image ' +
    'feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting feDisplacementMap ' +
    'feDistantLight feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR feGaussianBlur feMerge feMergeNode ' +
    'feMorphology feOffset fePointLight feSpecularLighting feSpotLight feTile feTurbulence'
  ).split(' '),
);

const SVG_ATTRIBUTES = new Set(
  (
    'id class style transform d x y x1 y1 x2 y2 cx cy r rx ry fx fy fr width height viewBox preserveAspectRatio ' +
    'points pathLength fill fill-opacity fill-rule stroke stroke-width stroke-linecap stroke-linejoin ' +
    'stroke-miterlimit stroke-dasharray stroke-dashoffset stroke-opacity opacity clip-path clip-rule mask filter ' +
    'font-family font-size font-weight font-style font-variant font-stretch text-anchor dominant-baseline ' +
    'alignment-baseline baseline-shift letter-spacing word-spacing text-decoration writing-mode dx dy rotate ' +
    'textLength lengthAdjust startOffset method spacing side offset stop-color stop-opacity gradientUnits ' +
    'gradientTransform spreadMethod patternUnits patternContentUnits patternTransform clipPathUnits maskUnits ' +
    'maskContentUnits markerWidth markerHeight markerUnits refX refY orient marker-start marker-mid marker-end ' +
    'visibility display color color-interpolation color-interpolation-filters color-rendering shape-rendering ' +
    'text-rendering image-rendering vector-effect paint-order mix-blend-mode isolation overflow ' +
    'enable-background version baseProfile role aria-label aria-hidden aria-labelledby aria-describedby ' +
    'focusable lang tabindex data-name filterUnits primitiveUnits in in2 result stdDeviation mode operator ' +
    'k1 k2 k3 k4 values type tableValues slope intercept amplitude exponent flood-color flood-opacity ' +
    'lighting-color baseFrequency numOctaves seed stitchTiles scale xChannelSelector yChannelSelector radius ' +
    'order kernelMatrix divisor bias targetX targetY edgeMode preserveAlpha surfaceScale diffuseConstant ' +
    'specularConstant specularExponent kernelUnitLength azimuth elevation z pointsAtX pointsAtY pointsAtZ ' +
    'limitingConeAngle media href'
  ).split(' '),
);

/** `url(#id)` points inside the picture; any other url() loads something from elsewhere. */
const OUTSIDE_URL = /url\s*\(\s*(?!['"]?#)/i;
const CSS_CODE = /@import|expression\s*\(|behavio(?:u)?r\s*:|-moz-binding|javascript:/i;
const RASTER_DATA_URL = /^data:image\/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]+$/;

/**
 * What an SVG holds besides drawing, in a few Chinese words each: `<script>`, `onload`, `foreignObject`,
 * references to other files or sites, CSS that loads something. Empty when the picture is drawing only.
 * The XML is parsed strictly; a DOCTYPE (entities) or a file that is not well-formed XML is a fault too.
 */
export function svgFaults(source: string): string[] {
  const faults = new Set<string>();
  const parser = sax.parser(true, { xmlns: true, position: false });
  const open: string[] = [];
  let root: string | undefined;
  parser.onerror = (error) => {
    faults.add(`不是规范的 XML（${String(error.message).split('\n')[0]}）`);
    throw error;
  };
  parser.ondoctype = () => faults.add('DOCTYPE 声明（可以定义实体）');
  parser.onprocessinginstruction = (pi) => {
    if (pi.name.toLowerCase() !== 'xml') faults.add(`<?${pi.name}?> 处理指令`);
  };
  parser.onopentag = (node) => {
    const tag = node as sax.QualifiedTag;
    root ??= tag.local;
    if (tag.uri === SVG_NS && SVG_ELEMENTS.has(tag.local)) {
      open.push(tag.local);
    } else if (INERT_NAMESPACES.has(tag.uri)) {
      open.push('inert');
    } else {
      faults.add(`<${tag.name}> 元素`);
      open.push('refused');
    }
    for (const attribute of Object.values(tag.attributes)) {
      const fault = attributeFault(tag.local, attribute);
      if (fault) faults.add(fault);
    }
  };
  parser.onclosetag = () => void open.pop();
  const onText = (text: string) => {
    if (open.at(-1) === 'style' && (OUTSIDE_URL.test(text) || CSS_CODE.test(text)))
      faults.add('<style> 里有 url()、@import 等会加载别处内容或运行代码的样式');
  };
  parser.ontext = onText;
  parser.oncdata = onText;
  try {
    parser.write(source.replace(/^\uFEFF/, '')).close();
  } catch {
    // Reported by onerror.
  }
  if (root !== undefined && root !== 'svg') faults.add(`根元素是 <${root}> 而不是 <svg>`);
  if (root === undefined && faults.size === 0) faults.add('没有 <svg> 元素');
  return [...faults];
}

function attributeFault(element: string, attribute: sax.QualifiedAttribute): string | undefined {
  const { uri, local, name, value } = attribute;
  if (uri === XMLNS_NS || name === 'xmlns') return undefined;
  if (uri === XML_NS) return ['lang', 'space'].includes(local) ? undefined : `${name} 属性`;
  if (INERT_NAMESPACES.has(uri)) return undefined;
  if (/^on/i.test(local)) return `${name} 事件属性（会运行代码）`;
  const isHref = local === 'href' && (uri === '' || uri === XLINK_NS);
  if (uri !== '' && !isHref) return `${name} 属性`;
  if (!SVG_ATTRIBUTES.has(local)) return `${name} 属性`;
  if (isHref) {
    const target = value.trim();
    if (target.startsWith('#')) return undefined;
    if (element === 'image' && RASTER_DATA_URL.test(target)) return undefined;
    return `${name}="${target.slice(0, 40)}" 指向图片以外的文件或网址`;
  }
  if (OUTSIDE_URL.test(value) || CSS_CODE.test(value))
    return `${name} 里有 url()、@import 等会加载别处内容或运行代码的写法`;
  return undefined;
}

function describeSvgFaults(faults: string[]): string {
  const listed = faults.slice(0, 6).join('、') + (faults.length > 6 ? ` 等 ${faults.length} 处` : '');
  return `SVG 图片里有图形以外的内容：${listed}。SVG 文件可以带脚本，在本站的网址下打开时会运行，所以只接受纯图形的 SVG。请用画图软件把图片导出（另存为）PNG 或 JPEG，用新文件替换它，并改好引用它的字段（例如 cover）`;
}
