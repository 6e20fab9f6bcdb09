import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';

/**
 * The first error per field of a value checked against one of core's TypeBox schemas (the ones the service validates
 * with), keyed by the field's JSON pointer without the leading slash (`name`, `window/size`). Forms check with these
 * before saving, so they reject what the service would reject, in the same words.
 *
 * @example
 * schemaErrors(WindowSpecSchema, { kind: 'count', size: 0 }); // { size: 'must be >= 1' }
 */
export function schemaErrors(schema: TSchema, value: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const error of Value.Errors(schema, value)) {
    const params = error.params as { requiredProperties?: string[]; additionalProperties?: string[] };
    const base = error.instancePath.replace(/^\//, '');
    const fields =
      error.keyword === 'required' && params.requiredProperties
        ? params.requiredProperties.map((p) => (base === '' ? p : `${base}/${p}`))
        : error.keyword === 'additionalProperties' && params.additionalProperties
          ? params.additionalProperties.map((p) => (base === '' ? p : `${base}/${p}`))
          : [base];
    const message = error.keyword === 'required' ? 'is required' : error.keyword === 'additionalProperties' ? 'is not a field of this form' : error.message;
    for (const field of fields) errors[field] ??= message;
  }
  return errors;
}

/**
 * A form's text as a number: undefined when empty (the field is left out), the number when it parses, else the text
 * itself, so the schema check names the field ("must be number") instead of the form inventing a value.
 *
 * @example
 * numberOrText(' 0.2 '); // 0.2
 * numberOrText(''); // undefined
 */
export function numberOrText(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : trimmed;
}
