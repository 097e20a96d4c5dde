/**
 * The method `cli par-index` scores with (docs/0012): `--method <file.json>` (a method, or the body
 * of GET /par/:year/method), or `--year <year>`: that year's method from the database at
 * DATABASE_URL, or — without one — the built-in 2021 method when the year is 2021.
 * Without either, the 2021 method.
 */
import { readFile } from 'node:fs/promises';
import { parMethodSchema } from '@hailong/contracts';
import { loadRuntimeConfig, processEnv } from '@hailong/runtime';
import { checkParMethod, parMethod2021, type ParMethod } from '@hailong/scoring';

export class MethodOptionError extends Error {}

export async function methodFromFile(path: string): Promise<ParMethod> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    throw new MethodOptionError(`--method ${path}: không đọc được tệp JSON / cannot read a JSON file`);
  }
  const body = json && typeof json === 'object' && 'method' in json ? json.method : json;
  const parsed = parMethodSchema.safeParse(body);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(gốc / root)'}: ${i.message}`);
    throw new MethodOptionError(
      [`--method ${path}: phương pháp không đúng cấu trúc / the method is malformed`, ...lines].join('\n'),
    );
  }
  const issues = checkParMethod(parsed.data);
  if (issues.length > 0) {
    const lines = issues.map(
      (i) => `  ${i.field}: ${i.reason}${i.expected === undefined ? '' : ` (${i.actual ?? '?'} ≠ ${i.expected})`}`,
    );
    throw new MethodOptionError([`--method ${path}: phương pháp không hợp lệ / the method is invalid`, ...lines].join('\n'));
  }
  return parsed.data;
}

export async function methodOfYear(year: number): Promise<ParMethod> {
  const { databaseUrl } = loadRuntimeConfig(processEnv());
  if (!databaseUrl) {
    if (year === 2021) return parMethod2021;
    throw new MethodOptionError(
      `--year ${year}: cần DATABASE_URL để đọc phương pháp của năm, hoặc dùng --method <tệp> / needs DATABASE_URL to read the year's method, or use --method <file>`,
    );
  }
  // Loaded only here, so the usual file-only run does not load the database client.
  const [{ createDb, createPool }, { methodOf }] = await Promise.all([
    import('@hailong/db'),
    import('../features/par/method-service.ts'),
  ]);
  const pool = createPool(databaseUrl, 1);
  try {
    return await methodOf(createDb(pool), year);
  } finally {
    await pool.end();
  }
}
