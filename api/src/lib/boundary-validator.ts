/**
 * The validator compiler of every route: the text check of `@hailong/contracts` (NUL, unpaired
 * surrogates, nesting depth; NFC for every string) runs on the body, query string and path
 * parameters before the route's zod schema sees them, so no route can forget it. A problem is a
 * 400 TEXT_INVALID naming the field. Batch bodies (`batchBodies`) leave their items to the item's
 * own check, so one bad item is reported alone and the others are stored.
 */
import { batchBodies, inspectInput, textProblemMessages } from '@hailong/contracts';
import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { $ZodType } from 'zod/v4/core';
import { AppError } from '../errors.ts';

export const boundaryValidatorCompiler: FastifySchemaCompiler<$ZodType> = (route) => {
  const validate = validatorCompiler(route);
  if (route.httpPart === 'headers') return validate;
  const itemsKey = route.httpPart === 'body' ? batchBodies.get(route.schema) : undefined;
  const skip = itemsKey === undefined ? undefined : (path: readonly string[]) => path.length === 2 && path[0] === itemsKey;
  return (data) => {
    const checked = inspectInput(data, skip);
    if (!checked.ok) {
      const m = textProblemMessages[checked.problem];
      return {
        error: new AppError('TEXT_INVALID', [
          { field: checked.field || route.httpPart || 'body', message: m.vi, messageEn: m.en },
        ]),
      };
    }
    return validate(checked.value);
  };
};
