/**
 * 申报单位 by name: a unit already in units.yaml is matched by its name; a new one gets an id from its
 * pinyin, its province from its name where the name says it (浙江省… → 浙江), and placeholders for what
 * the form does not say, which `npm run validate` reports until a person fills them in.
 */
import fs from 'node:fs';
import yaml from 'js-yaml';
import { PROVINCES, type ProvinceName } from '../schemas/provinces.ts';
import { SLUG_PATTERN } from '../schemas/shared.ts';
import { yamlValue } from '../authoring/scaffold.ts';
import { contractOf } from '../schemas/contract.ts';
import { UnitFields } from '../schemas/data.ts';
import { pinyinSlug } from './slug.ts';
import { normalizeLabel } from './form-layout.ts';

export interface UnitMatch {
  id: string;
  name: string;
  /** True when the importer adds it to units.yaml in this run */
  added: boolean;
  province?: ProvinceName;
}

interface NewUnit {
  id: string;
  name: string;
  province?: ProvinceName;
  source: string;
}

/** Names are compared without spaces, with full-width brackets, and without the province's 省/市/自治区. */
function nameKey(name: string): string {
  let key = normalizeLabel(name);
  for (const p of PROVINCES) {
    const full = normalizeLabel(p.fullName);
    if (p.fullName !== p.name && key.startsWith(full)) {
      key = normalizeLabel(p.name) + key.slice(full.length);
      break;
    }
  }
  return key;
}

/** The province a unit's name starts with: 浙江省…, 内蒙古…, 新疆生产建设兵团…; none for 示例市老年大学. */
export function provinceFromName(name: string): ProvinceName | undefined {
  const value = name.normalize('NFKC').replace(/\s/g, '');
  const byLength = [...PROVINCES].sort((a, b) => b.name.length - a.name.length);
  return byLength.find((p) => p.name !== '直属单位' && (value.startsWith(p.fullName) || value.startsWith(p.name)))
    ?.name;
}

/** units.yaml, read for matching and extended by appending, so that its comments and order stay as they are. */
export class UnitRegistry {
  private readonly byName = new Map<string, string>();
  private readonly ids = new Set<string>();
  private readonly pending: NewUnit[] = [];

  private readonly file: string;

  constructor(file: string) {
    this.file = file;
    if (!fs.existsSync(file)) return;
    let raw: unknown;
    try {
      raw = yaml.load(fs.readFileSync(file, 'utf8'));
    } catch {
      // A broken units.yaml is reported by npm run validate; matching then adds what it cannot find.
      return;
    }
    if (raw === null || typeof raw !== 'object') return;
    for (const [id, unit] of Object.entries(raw as Record<string, { name?: unknown }>)) {
      this.ids.add(id);
      if (typeof unit?.name === 'string') this.byName.set(nameKey(unit.name), id);
    }
  }

  /** The unit of this name, added (to be written by `save`) when units.yaml does not have it. */
  resolve(name: string, source: string, provinceHint?: string): UnitMatch {
    const key = nameKey(name);
    const known = this.byName.get(key);
    if (known) {
      const added = this.pending.find((u) => u.id === known);
      return { id: known, name, added: false, province: added?.province };
    }
    const province = provinceFromName(name) ?? (provinceHint ? provinceFromName(provinceHint) : undefined);
    const id = this.freshId(name, province);
    this.pending.push({ id, name: name.trim(), province, source });
    this.byName.set(key, id);
    this.ids.add(id);
    return { id, name, added: true, province };
  }

  private freshId(name: string, province: ProvinceName | undefined): string {
    const entry = province ? PROVINCES.find((p) => p.name === province)! : undefined;
    let rest = name.normalize('NFKC').replace(/\s/g, '');
    if (entry)
      rest = rest.startsWith(entry.fullName) ? rest.slice(entry.fullName.length) : rest.slice(entry.name.length);
    const base = [entry?.slug, pinyinSlug(rest, 40)].filter(Boolean).join('-') || 'danwei';
    const safe = SLUG_PATTERN.test(base) ? base : 'danwei';
    let id = safe;
    for (let n = 2; this.ids.has(id); n++) id = `${safe}-${n}`;
    return id;
  }

  get added(): readonly NewUnit[] {
    return this.pending;
  }

  /** Appends the new units to units.yaml with placeholders for what the forms do not say. */
  save(date: string): void {
    if (this.pending.length === 0) return;
    const existing = fs.existsSync(this.file) ? fs.readFileSync(this.file, 'utf8') : '';
    const lines = [
      ...(existing === '' || existing.endsWith('\n') ? [] : ['']),
      '',
      `# 以下 ${this.pending.length} 个单位由 npm run import 在 ${date} 从申报表添加：请核对名称，填写所在省份和单位类型。`,
    ];
    for (const unit of this.pending) {
      lines.push(`${unit.id}:`, `  # 来自 ${unit.source}`);
      lines.push(`  name: ${yamlValue(unit.name)}`);
      if (!unit.province) lines.push(`  # 单位名称里没有省份：${contractOf(UnitFields.shape.province)!.hint}`);
      lines.push(`  province: ${unit.province ?? contractOf(UnitFields.shape.province)!.placeholder}`);
      lines.push(`  # 申报表上没有单位类型：${contractOf(UnitFields.shape.kind)!.hint}`);
      lines.push(`  kind: ${contractOf(UnitFields.shape.kind)!.placeholder}`);
    }
    fs.writeFileSync(this.file, `${existing}${lines.join('\n')}\n`);
  }
}
