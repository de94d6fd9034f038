import { CustomScalar, Scalar } from '@nestjs/graphql';
import { GraphQLError, Kind, type ValueNode } from 'graphql';

/** ISO 8601 with an explicit offset or Z: a timestamp without offset is ambiguous and refused. */
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

export function parseDateTime(value: unknown): Date {
  const date = typeof value === 'string' && ISO_WITH_OFFSET.test(value) ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw new GraphQLError('DateTime must be ISO 8601 with an offset, e.g. 2026-03-29T09:00:00+02:00', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return date;
}

/** Every `Date` of the schema is this scalar. */
@Scalar('DateTime', () => Date)
export class DateTimeScalar implements CustomScalar<string, Date> {
  description = 'An instant, ISO 8601 with an offset (Z or ±hh:mm).';
  parseValue(value: unknown): Date {
    return parseDateTime(value);
  }
  serialize(value: unknown): string {
    return (value instanceof Date ? value : new Date(value as string)).toISOString();
  }
  parseLiteral(node: ValueNode): Date {
    return parseDateTime(node.kind === Kind.STRING ? node.value : undefined);
  }
}
