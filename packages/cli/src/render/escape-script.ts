/**
 * Serializes a value as JSON that is safe inside `<script type="application/json">`: every `<` becomes `\u003c`,
 * so no `</script>` or `<!--` in the data can end or confuse the element. U+2028/U+2029 are escaped too, so the
 * text is also a valid JavaScript literal.
 *
 * @example
 * escapeScriptJson({ name: '</script>' }); // '{"name":"\\u003c/script>"}'
 */
export function escapeScriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Makes JavaScript source safe to inline in a `<script>` element. `</script` and `<!--` can only occur inside
 * strings, template literals, regular expressions or comments, where `<\/` and `<\!` mean the same characters.
 *
 * @example
 * escapeScriptSource('const s = "</script>";'); // 'const s = "<\\/script>";'
 */
export function escapeScriptSource(source: string): string {
  return source.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}
