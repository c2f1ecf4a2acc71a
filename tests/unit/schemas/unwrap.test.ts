import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { isRequiredField, unwrapField, unwrapSchema } from '../../../src/schemas/contract.ts';
import { ENTRY_SCHEMAS } from '../../../src/schemas/index.ts';

describe('unwrapField: the one Zod unwrapper', () => {
  it('peels optional, nullable, readonly, default and pipes, and says what they meant', () => {
    const minutes = z.number().positive();
    expect(unwrapField(minutes.optional())).toEqual({ schema: minutes, optional: true });
    expect(unwrapField(minutes.nullable().readonly())).toEqual({ schema: minutes, optional: false });
    expect(unwrapField(minutes.default(10))).toEqual({ schema: minutes, optional: false, defaultValue: 10 });
    // A preprocess pipe shows its output (what the value is), a transform pipe its input (what is written).
    const title = z.string();
    expect(unwrapSchema(z.preprocess((v) => v, title.optional()))).toBe(title);
    expect(unwrapSchema(title.transform((v) => v.trim()))).toBe(title);
  });

  it('says a field is required when an entry must give it: neither optional nor defaulted', () => {
    expect(isRequiredField(z.string())).toBe(true);
    expect(isRequiredField(z.string().optional())).toBe(false);
    expect(isRequiredField(z.boolean().default(false))).toBe(false);
  });

  it('agrees with the wrappers on every field of every kind of entry', () => {
    for (const schema of Object.values(ENTRY_SCHEMAS)) {
      const shape = (unwrapSchema(schema) as z.ZodObject).shape as Record<string, z.ZodType>;
      for (const [name, field] of Object.entries(shape)) {
        const { optional, defaultValue } = unwrapField(field);
        expect(isRequiredField(field), name).toBe(!optional && defaultValue === undefined);
      }
    }
  });
});
