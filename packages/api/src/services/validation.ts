import { AppError } from '@pf/domain';
import type { z } from 'zod';

/** Runs a schema inside a service (for rules that depend on state) with the same error shape as input parsing. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, path: string): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new AppError('VALIDATION_ERROR', 'validation failed', {
    violations: parsed.error.issues.map((issue) => ({
      path: [path, ...issue.path.map(String)].join('.'),
      code: issue.code,
      message: issue.message,
    })),
  });
}
