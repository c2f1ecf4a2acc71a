import { findUnsafeMarkup } from './src/checks/markup-safety.ts';
import { decodeEntities } from './src/core/html-entities.ts';
const g = (n: number) => Array.from({ length: n / 20 }, (_, i) => ' '.repeat(i * 2) + '- a').join('\n');
for (const n of [10000, 20000, 40000]) {
  const s = g(n);
  let a = performance.now(); findUnsafeMarkup(s); const total = performance.now() - a;
  a = performance.now(); decodeEntities(s); const dec = performance.now() - a;
  a = performance.now(); s.normalize('NFKC').replace(/[\p{Default_Ignorable_Code_Point}\p{Cc}\s]/gu, (c) => (/[ \u3000]/.test(c) ? ' ' : '')); const norm = performance.now() - a;
  a = performance.now(); /(?:^|[\s"'/;])(on[a-z]{3,30})\s*=/i.exec(s); const ev = performance.now() - a;
  a = performance.now(); /(?:^|[\s"'/;])style\s*=\s*["']/i.test(s); const st = performance.now() - a;
  a = performance.now(); [...s.matchAll(/(?<![a-z0-9+.-])(javascript|vbscript|livescript|mocha|jscript):/gi)]; const cs = performance.now() - a;
  a = performance.now(); [...s.matchAll(/https?:\/\/[A-Za-z0-9._~%!$&'()*+,;=:-]*@[A-Za-z0-9.-]+/gi)]; const ui = performance.now() - a;
  console.log(n, s.length, total.toFixed(1), dec.toFixed(1), norm.toFixed(1), ev.toFixed(1), st.toFixed(1), cs.toFixed(1), ui.toFixed(1));
}
