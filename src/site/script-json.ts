/**
 * JSON for an inline `<script>` block (JSON-LD). `JSON.stringify` leaves `<` alone, so a value holding
 * `</script>` would end the block and start real markup; U+2028/U+2029 end lines in older script parsers.
 * Escaped this way the JSON still parses to the same value.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
