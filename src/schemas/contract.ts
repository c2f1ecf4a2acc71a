import { z } from 'astro/zod';
import { fillPlaceholders } from '../core/placeholders.ts';

/**
 * A field's whole contract, kept on its Zod schema (a registry of Zod 4 metadata): what the field is
 * called, what to write, what is allowed, and how the open data exports it. Validation messages, the
 * `npm run new` templates, the field table on /data/ and the field tables of CONTRIBUTING.md all read
 * it from here, by the field's full path, so no label, limit or list of values is written twice.
 */
export interface FieldContract {
  /** The field's name on the forms (附件2/3/4), in Chinese: 名称, 申报单位 */
  label: string;
  /** What to write, one clause without a final 。; shown after a validation message and in templates */
  hint: string;
  /** A correct value as staff would write it in YAML: `25`, `[王丽, 陈明]`, `./images/{slug}.png` */
  example?: string;
  /** Least and most: 字 for text, items for lists */
  min?: number;
  max?: number;
  /** The values accepted, for a choice or a list of choices */
  values?: readonly string[];
  /**
   * Other spellings of an accepted value, each mapped to the value it means (`教材(读本)` → `教材（读本）`).
   * The slot for look-alike values; each alias must map to one of `values`.
   */
  aliases?: Readonly<Record<string, string>>;
  /** A list of people's names, which staff may also separate with 、 or ，(核心成员) */
  names?: boolean;
  /** For an optional field that some entries must fill in: when (有封面图片时必填) */
  requiredWhen?: string;
  /**
   * What `npm run new` writes for a required field: a placeholder the schema rejects, so that a fresh
   * scaffold fails validation until it is filled in. `{slug}` and `{date}` are filled in.
   * Optional fields get their example, written commented out.
   */
  placeholder?: string;
  /**
   * What a scaffold writes for an optional field that it asks a person to fill in or delete (`npm run import`
   * asks for a licence, and for a course's link or video): like a placeholder, a value the schema rejects.
   */
  askPlaceholder?: string;
  /** More for the contributor guide's 怎么填 column, after the hint (Markdown) */
  guide?: string;
  /** The open-data export (/data/): left out when false (say why in exportNote) */
  exported?: boolean;
  /** The JSON key and CSV column in the export, when it is not the field's own name */
  exportName?: string;
  /** What the value means in the export, when it differs from the hint */
  exportNote?: string;
  /** What /data/ says the export writes when an optional field is left out, when that is neither null nor one default */
  exportWhenEmpty?: string;
  /** The exported value's type in plain words, when it differs from the field's own (a local file becomes 网址) */
  exportType?: string;
}

/** What a schema file writes; `{min}`, `{max}`, `{values}`, `{valuesOr}` and `{example}` in the hint are filled in. */
export type ContractInput = FieldContract;

/** Every field's contract, keyed by its Zod schema. */
export const fieldContracts = z.registry<FieldContract>();

/** `甲、乙、丙` */
export const listValues = (values: readonly string[]): string => values.join('、');

/** `甲、乙 或 丙` */
export function listValuesOr(values: readonly string[]): string {
  return values.length < 2 ? values.join('') : `${values.slice(0, -1).join('、')} 或 ${values.at(-1)}`;
}

function filled(text: string, contract: ContractInput): string {
  return fillPlaceholders(text, {
    min: contract.min ?? '',
    max: contract.max ?? '',
    values: listValues(contract.values ?? []),
    valuesOr: listValuesOr(contract.values ?? []),
    example: contract.example ?? '',
  });
}

/** The contract as consumers read it: placeholders in the texts filled in, aliases checked. */
function resolve(contract: ContractInput): FieldContract {
  for (const [alias, value] of Object.entries(contract.aliases ?? {})) {
    if (!contract.values?.includes(value)) {
      throw new Error(`contract of ${contract.label}: alias ${alias} maps to ${value}, which is not an allowed value`);
    }
  }
  return {
    ...contract,
    hint: filled(contract.hint, contract),
    ...(contract.guide ? { guide: filled(contract.guide, contract) } : {}),
  };
}

/**
 * A field: its schema with its contract. The schema is copied first, so that a shared building block
 * (a positive integer, a date) can serve several fields, each with its own label.
 */
export function field<T extends z.ZodType>(schema: T, contract: ContractInput): T {
  const copy = schema.clone();
  fieldContracts.add(copy as z.ZodType, resolve(contract));
  return copy;
}

// ---------------------------------------------------------------------------------------------
// Reading contracts back

/** The slice of Zod 4's definitions that the walkers read. */
interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  valueType?: z.ZodType;
  defaultValue?: unknown;
}

const defOf = (schema: z.ZodType) => schema.def as unknown as Def;

/** One layer less of optional, default, readonly or pipe; undefined when there is nothing to peel. */
function peel(schema: z.ZodType): z.ZodType | undefined {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return def.innerType;
    case 'pipe':
      // A preprocess pipe shows its output, a transform pipe its input.
      return defOf(def.in!).type === 'transform' ? def.out : def.in;
    default:
      return undefined;
  }
}

export interface UnwrappedField {
  /** The object, array, string… that holds the value */
  schema: z.ZodType;
  /** Marked optional (a field with only a default is not) */
  optional: boolean;
  /** The default the schema fills in, if any */
  defaultValue?: unknown;
}

/** The one Zod unwrapper: peels the wrappers off a field's schema and says what they meant. */
export function unwrapField(schema: z.ZodType): UnwrappedField {
  let current = schema;
  let optional = false;
  let defaultValue: unknown;
  for (let next = peel(current); next; next = peel(current)) {
    const def = defOf(current);
    if (def.type === 'optional') optional = true;
    if ((def.type === 'default' || def.type === 'prefault') && defaultValue === undefined) {
      defaultValue = def.defaultValue;
    }
    current = next;
  }
  return { schema: current, optional, ...(defaultValue !== undefined ? { defaultValue } : {}) };
}

/** The schema without its wrappers: the object, array, string… that holds the value. */
export function unwrapSchema(schema: z.ZodType): z.ZodType {
  return unwrapField(schema).schema;
}

/** Whether an entry must give the field: it is neither optional nor filled in by a default. */
export function isRequiredField(schema: z.ZodType): boolean {
  return !schema.safeParse(undefined).success;
}

/** The contract on a schema or on what it wraps (a field made optional keeps its contract). */
export function contractOf(schema: z.ZodType): FieldContract | undefined {
  for (let current: z.ZodType | undefined = schema; current; current = peel(current)) {
    const contract = fieldContracts.get(current);
    if (contract) return contract;
  }
  return undefined;
}

/** The fields of an object schema (through its wrappers), or undefined when it is not an object. */
export function shapeOf(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  return defOf(unwrapSchema(schema)).shape;
}

/** The schema of each item of a list, or undefined when it is not a list. */
export function elementOf(schema: z.ZodType): z.ZodType | undefined {
  return defOf(unwrapSchema(schema)).element;
}

/** The schema one step down a path: a key of an object or a record, an index of a list. */
function childOf(schema: z.ZodType, segment: PropertyKey): z.ZodType | undefined {
  const def = defOf(unwrapSchema(schema));
  if (def.type === 'object' && typeof segment === 'string')
    return Object.hasOwn(def.shape!, segment) ? def.shape![segment] : undefined;
  if (def.type === 'record') return def.valueType;
  if (def.type === 'array' && typeof segment === 'number') return def.element;
  return undefined;
}

/** The schema a path leads to (an object, a list, a field), or undefined when there is none. */
export function schemaAt(root: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let schema: z.ZodType | undefined = root;
  for (const segment of path) schema = schema && childOf(schema, segment);
  return schema;
}

export interface FieldAt {
  /** The field the path names: its last named (not numbered) step */
  name: string;
  /** Its schema, or undefined when the schema has no such field */
  schema?: z.ZodType;
  /** Its contract; a list item answers with its list's contract */
  contract?: FieldContract;
}

/**
 * The field at a full path, such as `['instructors', 0, 'name']` or `['zhejiang-laoda', 'name']` in a
 * record of units. Each named step looks the contract up afresh, so a unit's `name` and an instructor's
 * `name` get their own labels.
 */
export function fieldAt(root: z.ZodType, path: readonly PropertyKey[]): FieldAt {
  let schema: z.ZodType | undefined = root;
  let found: FieldAt = { name: '' };
  for (const segment of path) {
    const parentType = schema && defOf(unwrapSchema(schema)).type;
    schema = schema && childOf(schema, segment);
    // An index of a list, or a key of a record (a unit's id), names no field of its own.
    if (typeof segment === 'number' || parentType === 'array' || parentType === 'record') continue;
    found = { name: String(segment), schema, contract: schema && contractOf(schema) };
  }
  return found;
}

/** The label of the field at a path (its contract's), or the path's last name when the schema has no such field. */
export function labelAt(root: z.ZodType, path: readonly PropertyKey[]): string {
  const { name, contract } = fieldAt(root, path);
  return contract?.label ?? name;
}

export interface FieldPath {
  /** `['instructors', 'name']` for the name of each instructor */
  path: string[];
  schema: z.ZodType;
  contract?: FieldContract;
}

/** Every field of an object schema, nested objects in lists included, in the schema's order. */
export function fieldPaths(root: z.ZodType, prefix: string[] = []): FieldPath[] {
  const shape = shapeOf(root) ?? shapeOf(elementOf(root) ?? root);
  if (!shape) return [];
  return Object.entries(shape).flatMap(([name, schema]) => {
    const path = [...prefix, name];
    const element = elementOf(schema);
    const nested =
      element && shapeOf(element) ? fieldPaths(element, path) : shapeOf(schema) ? fieldPaths(schema, path) : [];
    return [{ path, schema, contract: contractOf(schema) }, ...nested];
  });
}
