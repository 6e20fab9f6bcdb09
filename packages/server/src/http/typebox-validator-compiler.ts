/**
 * Fastify's validator for TypeBox schemas, with the schemas' defaults applied.
 */
import type { FastifySchemaCompiler } from 'fastify';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { Value } from 'typebox/value';

/**
 * Compiles each route schema once with TypeBox. Query strings, params and headers are converted first (`?limit=5`
 * is a number); every part then gets its schema's `default`s (as documented in OpenAPI), so a model created without
 * `retention.metricsDays` gets the documented 365. Unknown properties are never stripped: where a schema closes an
 * object (`additionalProperties: false`) they are an error.
 *
 * @example
 * Fastify().setValidatorCompiler(typeBoxValidatorCompiler);
 */
export const typeBoxValidatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const validator = Compile(schema);
  return (value: unknown) => {
    const converted = httpPart === 'body' ? value : Value.Convert(schema, value);
    const defaulted = Value.Default(schema, converted);
    if (validator.Check(defaulted)) return { value: defaulted };
    return { error: validator.Errors(defaulted) as never };
  };
};
