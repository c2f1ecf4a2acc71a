import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { svgFaults } from '../../../src/checks/tree-files.ts';
import { moveCspFirst } from '../../../src/build/csp-first.ts';
import { scriptSafeJson } from '../../../src/site/script-json.ts';
import { ROOT } from '../../helpers/run.ts';

const svg = (inner: string, attributes = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"${attributes}>${inner}</svg>`;

describe('svgFaults', () => {
  it('accepts drawing: shapes, gradients, text, url(#id), internal use and an embedded raster', () => {
    const drawing = svg(
      '<title>示意图</title><defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>' +
        '<rect width="10" height="10" fill="url(#g)" style="fill: url(#g); stroke: #000"/>' +
        '<use href="#g"/><text x="1" y="5" font-family="sans-serif">挂号</text>' +
        '<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>' +
        '<style>.a { fill: #c00 }</style>',
    );
    expect(svgFaults(`<?xml version="1.0" encoding="UTF-8"?>\n${drawing}`)).toEqual([]);
  });

  it('accepts what Inkscape and Illustrator add to an ordinary drawing', () => {
    const inkscape = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
      xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
      xmlns:cc="http://creativecommons.org/ns#" xmlns:dc="http://purl.org/dc/elements/1.1/" inkscape:version="1.3">
      <sodipodi:namedview id="nv" inkscape:zoom="1"/><metadata><rdf:RDF><cc:Work><dc:format>image/svg+xml</dc:format></cc:Work></rdf:RDF></metadata>
      <g inkscape:label="图层 1" inkscape:groupmode="layer"><path d="M0 0h10v10z" sodipodi:nodetypes="ccc"/></g></svg>`;
    expect(svgFaults(inkscape)).toEqual([]);
  });

  it('accepts every SVG the bundled content ships', () => {
    const content = path.join(ROOT, 'content');
    const svgs = fs
      .readdirSync(content, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.svg'))
      .map((f) => path.join(content, f));
    expect(svgs.length).toBeGreaterThan(0);
    for (const file of svgs) expect(svgFaults(fs.readFileSync(file, 'utf8')), file).toEqual([]);
  });

  it.each([
    ['a script element', svg('<script>alert(1)</script>'), '<script>'],
    ['an onload handler', svg('<rect width="1" height="1"/>', ' onload="alert(1)"'), 'onload'],
    ['an upper-case handler', svg('<rect ONCLICK="alert(1)"/>'), 'ONCLICK'],
    [
      'foreignObject',
      svg('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'),
      'foreignObject',
    ],
    [
      'an XHTML script in another namespace',
      svg('<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>'),
      'h:script',
    ],
    ['a javascript: link', svg('<a href="javascript:alert(1)"><rect/></a>'), '<a>'],
    ['an external use', svg('<use href="https://evil.example/x.svg#a"/>'), 'href'],
    [
      'an xlink:href to a file',
      svg('<use xlink:href="other.svg#a"/>', ' xmlns:xlink="http://www.w3.org/1999/xlink"'),
      'xlink:href',
    ],
    ['an external image', svg('<image href="https://evil.example/track.png"/>'), 'href'],
    ['an SVG data image', svg('<image href="data:image/svg+xml;base64,PHN2Zz4="/>'), 'href'],
    ['animation that rewrites a link', svg('<a><set attributeName="href" to="javascript:alert(1)"/></a>'), '<set>'],
    ['style with @import', svg('<style>@import url(https://evil.example/a.css);</style>'), '@import'],
    ['style with an outside url()', svg('<style>rect { fill: url(https://evil.example/x) }</style>'), 'url()'],
    [
      'a style attribute with an outside url()',
      svg('<rect style="fill:url(&quot;https://evil.example/x&quot;)"/>'),
      'style',
    ],
    ['a DOCTYPE with entities', `<!DOCTYPE svg [<!ENTITY a "aaaa">]>${svg('<text>&a;</text>')}`, 'DOCTYPE'],
    [
      'an xml-stylesheet instruction',
      `<?xml-stylesheet href="https://evil.example/a.css"?>${svg('')}`,
      'xml-stylesheet',
    ],
    ['an HTML page named .svg', '<html><body><script>alert(1)</script></body></html>', '<html>'],
    ['broken XML', '<svg xmlns="http://www.w3.org/2000/svg"><rect></svg>', 'XML'],
  ])('refuses %s', (_name, source, named) => {
    const faults = svgFaults(source);
    expect(faults.length).toBeGreaterThan(0);
    expect(faults.join('、')).toContain(named);
  });
});

describe('moveCspFirst', () => {
  const csp = `<meta http-equiv="content-security-policy" content="default-src 'self'">`;
  it('moves the CSP meta to just after meta charset', () => {
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><script>x()</script><script type="application/ld+json">{}</script>${csp}<link rel="stylesheet" href="a.css"></head><body></body></html>`;
    expect(moveCspFirst(html)).toBe(
      `<!DOCTYPE html><html><head><meta charset="utf-8">${csp}<script>x()</script><script type="application/ld+json">{}</script><link rel="stylesheet" href="a.css"></head><body></body></html>`,
    );
  });
  it('leaves a page without a CSP meta alone', () => {
    const html = '<html><head><meta charset="utf-8"></head></html>';
    expect(moveCspFirst(html)).toBe(html);
  });
});

describe('scriptSafeJson', () => {
  const hostile = { name: '</script><script>alert(1)</script>\u2028\u2029<!-- & >' };
  it('writes no <, >, & or line separators, and parses back to the same value', () => {
    const json = scriptSafeJson(hostile);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(hostile);
  });
});
