/**
 * The one placeholder filler: `{name}` in UI strings (src/i18n), in the texts of field contracts
 * (`{max}`, `{values}`) and in the scaffold's placeholders (`{slug}`, `{date}`).
 */

/** Values for a text's `{name}` placeholders. */
export type Params = Readonly<Record<string, string | number>>;

/** Fills `{name}` placeholders in one pass. One left without a value stays visible, so that review notices it. */
export function fillPlaceholders(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    return value === undefined ? placeholder : String(value);
  });
}
