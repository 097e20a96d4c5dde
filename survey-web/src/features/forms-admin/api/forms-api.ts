/** Requests of the form workbooks page (docs/0022; types from @hailong/contracts). */
import type { FormImportResult, FormList } from '@hailong/contracts';
import { api, XLSX_TYPE } from '@/lib/api-client';

export const listForms = () => api<FormList>('/api/v1/forms');

/** A stored version as a workbook (the shipped 2024 form is `SIPAS/2024` version 1). */
export const workbookUrl = (code: string, version: number) =>
  `/api/v1/forms/workbook.xlsx?code=${encodeURIComponent(code)}&version=${version}`;
export const TEMPLATE_2024 = { code: 'SIPAS/2024', version: 1 };

/** Uploads the workbook bytes as-is; `dryRun` only checks and reports what it would do. */
export const importForm = async (file: File, dryRun: boolean) =>
  api<FormImportResult>(`/api/v1/forms.xlsx?dryRun=${dryRun ? 1 : 0}`, {
    upload: { data: await file.arrayBuffer(), contentType: XLSX_TYPE },
  });
