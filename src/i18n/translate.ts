/** Values for a string's `{name}` placeholders. */
export type Params = Readonly<Record<string, string | number>>;

/** A table of UI strings: flat dotted keys, `{name}` placeholders. */
export type Strings = Readonly<Record<string, string>>;

/** Fills `{name}` placeholders. One left without a value stays visible, so that review notices it. */
export function fill(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    params[name] === undefined ? placeholder : String(params[name]),
  );
}

/**
 * The one way to read UI text, on the server and in the browser: `t(key, params)` over a table of strings,
 * typed by its keys. Pages use the whole table (`t` from src/i18n/zh-CN.ts); a browser script passes only
 * its feature's table (src/i18n/zh-CN/*.ts), so that its bundle carries only the strings it shows.
 */
export function translator<S extends Strings>(strings: S): (key: keyof S & string, params?: Params) => string {
  return (key, params) => fill(strings[key]!, params);
}
