/**
 * /o/<unitCode> is sent with what GET /api/v1/o/<unitCode> answers (the unit's name, form 02, whether
 * a code is required), through the same response schema, so the form shows without a call to the API
 * first (docs/0028). An unknown unit gets the plain page, which asks the API and shows its 404.
 */
import { onlineFormInfoSchema } from '@hailong/contracts';
import type { Db } from '@hailong/db';
import { AppError } from '../../errors.ts';
import type { PageData } from '../../plugins/page-data.ts';
import { onlineFormInfo } from './service.ts';

export function onlineFormPage(db: Db): PageData {
  return {
    path: /^\/o\/([A-Za-z0-9_-]{1,20})\/?$/,
    async load([, unitCode = '']) {
      try {
        return onlineFormInfoSchema.parse(await onlineFormInfo(db, unitCode));
      } catch (err) {
        if (err instanceof AppError && err.code === 'UNIT_UNKNOWN') return null;
        throw err;
      }
    },
  };
}
