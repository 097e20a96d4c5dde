/**
 * Writes the shipped SIPAS 2024 form as the workbook users see (packages/forms/workbooks/).
 * `pnpm forms:workbooks` after changing the definition; a test checks the committed file imports
 * back to exactly the shipped definition, so the two cannot drift apart.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { findForm } from '@hailong/forms';
import { formWorkbook } from '../features/forms/workbook.ts';

const target = fileURLToPath(new URL('../../../packages/forms/workbooks/SIPAS-2024.xlsx', import.meta.url));
const form = findForm('SIPAS/2024');
if (!form) throw new Error('SIPAS/2024 is not a shipped form');
await writeFile(target, await formWorkbook(form));
process.stdout.write(`${target}\n`);
