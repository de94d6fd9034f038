import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { invalidInput } from '@maillage/core';

function firstError(errors: ValidationError[], path: string[]): { path: string[]; message: string } | undefined {
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
    if (!type || value === null || value === undefined || [String, Number, Boolean, Array, Object, Date].includes(type as never)) return value;
    if (typeof value !== 'object') return value;
    const instance = plainToInstance(type, value) as object;
    const errors = await validate(instance, { forbidUnknownValues: false, whitelist: false });
    const error = firstError(errors, metadata.data ? [metadata.data] : []);
    if (error) throw invalidInput(error.path, error.message, { messageFr: 'Valeur invalide' });
    return instance;
  }
}
