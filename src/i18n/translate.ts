import { fillPlaceholders, type Params } from '../core/placeholders.ts';

export type { Params };

/** A table of UI strings: flat dotted keys, `{name}` placeholders. */
export type Strings = Readonly<Record<string, string>>;

/** Fills `{name}` placeholders (src/core/placeholders.ts). One left without a value stays visible. */
export const fill = fillPlaceholders;

/**
 * The one way to read UI text, on the server and in the browser: `t(key, params)` over a table of strings,
 * typed by its keys. Pages use the whole table (`t` from src/i18n/zh-CN.ts); a browser script passes only
 * its feature's table (src/i18n/zh-CN/*.ts), so that its bundle carries only the strings it shows.
 */
export function translator<S extends Strings>(strings: S): (key: keyof S & string, params?: Params) => string {
  return (key, params) => fill(strings[key]!, params);
}
