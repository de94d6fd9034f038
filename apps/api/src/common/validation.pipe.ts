import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { invalidInput } from '@maillage/core';

type Path = (string | number)[];

function firstError(errors: ValidationError[], path: Path): { path: Path; message: string } | undefined {
  for (const e of errors) {
    const here = [...path, e.property];
    if (e.constraints) return { path: here, message: Object.values(e.constraints)[0] };
    const nested = firstError(e.children ?? [], here);
    if (nested) return nested;
  }
  return undefined;
}

/**
 * Validates GraphQL arguments against their class-validator rules; the first failure becomes a
 * BAD_USER_INPUT domain error carrying the field path (e.g. ['input', 'rooms', '0', 'capacity']).
 */
@Injectable()
export class DomainValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const type = metadata.metatype;
    // Only what a client sent: GraphQL arguments (which Nest reports as 'body') and HTTP body, query and
    // params. Not 'custom' values, e.g. a field resolver's @Parent(): an object this API built, which
    // validating would only copy (plainToInstance) for every field of every object of an answer.
    if (metadata.type === 'custom') return value;
    if (!type || value === null || value === undefined || [String, Number, Boolean, Array, Object, Date].includes(type as never)) return value;
    if (typeof value !== 'object') return value;
    return validateAs(type as new () => object, value, metadata.data ? [metadata.data] : []);
  }
}

/** `value` as an instance of `type`, validated; the first failure is BAD_USER_INPUT on `path` + the property's path. */
async function validateAs(type: new () => object, value: object, path: Path): Promise<object> {
  const instance = plainToInstance(type, value) as object;
  const errors = await validate(instance, { forbidUnknownValues: false, whitelist: false });
  const error = firstError(errors, path);
  if (error) throw invalidInput(error.path, error.message, { messageFr: 'Valeur invalide' });
  return instance;
}

/**
 * For a list argument (which the global pipe leaves alone: its metatype is Array): more than `max`
 * elements is `tooMany`'s error, then each element is validated as DomainValidationPipe validates one
 * argument, in order, the first failure on [argument, index, …].
 */
export class EachValidationPipe implements PipeTransform {
  constructor(
    private readonly type: new () => object,
    private readonly max: number,
    private readonly tooMany: (count: number) => Error,
  ) {}

  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (!Array.isArray(value)) return value;
    if (value.length > this.max) throw this.tooMany(value.length);
    const out: object[] = [];
    for (const [i, item] of value.entries()) out.push(await validateAs(this.type, item as object, [metadata.data ?? 'input', i]));
    return out;
  }
}
