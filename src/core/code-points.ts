/** How messages name a character that does not show, or that only looks like another: `U+200B`. */
export function codePointName(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The distinct characters of `text` that a global `pattern` matches, named, in the order they first appear. */
export function codePointsIn(text: string, pattern: RegExp): string[] {
  return [...new Set(text.match(pattern) ?? [])].map(codePointName);
}
