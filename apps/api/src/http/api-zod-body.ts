import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiQuery } from '@nestjs/swagger';
import { z, type ZodType } from 'zod';

function jsonSchemaOf(schema: ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

/** Documents a zod-validated request body in the OpenAPI document. */
export function ApiZodBody(schema: ZodType, description?: string): MethodDecorator {
  return applyDecorators(ApiBody({ schema: jsonSchemaOf(schema) as never, description }));
}

/** Documents the properties of a zod-validated query object as query parameters. */
export function ApiZodQuery(schema: z.ZodObject): MethodDecorator {
  const properties = (jsonSchemaOf(schema).properties ?? {}) as Record<string, Record<string, unknown>>;
  return applyDecorators(...Object.entries(properties).map(([name, property]) => ApiQuery({ name, required: false, schema: property as never })));
}
