/**
 * Fastify's validator for TypeBox schemas, with the schemas' defaults applied.
 */
import type { FastifySchemaCompiler } from 'fastify';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { Value } from 'typebox/value';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * TypeBox converts `"1.5"` to the integer 1 and `"true"` to 1: where the conversion of a text to a number lost
 * something, the text stays, so the check fails on it instead of answering for a value the client did not send.
 */
function keepLossyTexts(raw: unknown, converted: unknown): unknown {
  if (!isRecord(raw) || !isRecord(converted)) return converted;
  const kept = { ...converted };
  for (const [key, value] of Object.entries(converted)) {
    const text = raw[key];
    if (typeof value === 'number' && typeof text === 'string' && !Object.is(Number(text), value)) kept[key] = text;
  }
  return kept;
}

/**
 * Compiles each route schema once with TypeBox. Query strings, params and headers are converted first (`?limit=5`
 * is a number, `?limit=1.5` stays text and fails); every part then gets its schema's `default`s (as documented in
 * OpenAPI), so a model created without `retention.metricsDays` gets the documented 365. Unknown properties are never
 * stripped: where a schema closes an object (`additionalProperties: false`) they are an error. Every query string is
 * closed so: a misspelt filter (`?featrue=age`) answers 400 instead of a wider answer that looks right.
 *
 * @example
 * Fastify().setValidatorCompiler(typeBoxValidatorCompiler);
 */
export const typeBoxValidatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const { type, additionalProperties } = schema as { type?: unknown; additionalProperties?: unknown };
  const closed = httpPart === 'querystring' && type === 'object' && additionalProperties === undefined;
  const validator = Compile(closed ? { ...schema, additionalProperties: false } : schema);
  return (value: unknown) => {
    try {
      // Convert may change its argument in place: compare with a copy of what the client sent.
      const converted = httpPart === 'body' ? value : keepLossyTexts(isRecord(value) ? { ...value } : value, Value.Convert(schema, value));
      const defaulted = Value.Default(schema, converted);
      if (validator.Check(defaulted)) return { value: defaulted };
      return { error: validator.Errors(defaulted) as never };
    } catch (error) {
      // TypeBox walks values recursively: JSON nested thousands of levels deep overflows the stack. A client error.
      if (error instanceof RangeError) return { error: [{ instancePath: '', keyword: 'depth', params: {}, message: 'nested too deeply' }] as never };
      throw error;
    }
  };
};
