/**
 * The stored-form cache is per database: a process holding handles on two databases (test files
 * sharing one process do) never answers one database's lookup with the other's form, though
 * databases cloned from one template give their new forms the same ids. A transaction shares the
 * cache of the handle it was opened on.
 */
import { findForm } from '@hailong/forms';
import { createDb, createPool, type Db } from '@hailong/db';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findStoredForm, findStoredFormById, forgetStoredForm, insertForm } from '../src/features/forms/repo.ts';
import { createTestDatabase, type TestDatabase } from '../../test/support/pg.ts';

const form02 = findForm('02/2021-DVCTT');

describe('stored forms cached per database', () => {
  const opened: { database: TestDatabase; pool: pg.Pool; db: Db }[] = [];
  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      const database = await createTestDatabase();
      const pool = createPool(database.url, 2);
      opened.push({ database, pool, db: createDb(pool) });
    }
  });
  afterAll(async () => {
    for (const o of opened) {
      await o.pool.end();
      await o.database.drop();
    }
  });

  it('gives each database its own form under the same id and the same code and version', async () => {
    if (!form02) throw new Error('form 02 missing');
    const [a, b] = opened.map((o) => o.db) as [Db, Db];
    expect(await insertForm(a, { ...form02, code: 'CACHE-TEST', version: 1, title: { vi: 'A', en: 'A' } })).toBe(true);
    expect(await insertForm(b, { ...form02, code: 'CACHE-TEST', version: 1, title: { vi: 'B', en: 'B' } })).toBe(true);
    const inA = await findStoredForm(a, 'CACHE-TEST', 1);
    const inB = await findStoredForm(b, 'CACHE-TEST', 1);
    expect(inA?.id).toBe(inB?.id);
    expect(inA?.definition.title.vi).toBe('A');
    expect(inB?.definition.title.vi).toBe('B');
    const id = inA?.id ?? 0;
    expect((await findStoredFormById(a, id))?.definition.title.vi).toBe('A');
    expect((await findStoredFormById(b, id))?.definition.title.vi).toBe('B');
  });

  it('shares the cache between a handle and its transactions, and forgets per database', async () => {
    const [a, b] = opened.map((o) => o.db) as [Db, Db];
    const id = (await findStoredForm(b, 'CACHE-TEST', 1))?.id ?? 0;
    // The row changes behind the cache: a transaction on b still sees b's cached entry.
    await opened[1]?.pool.query(`UPDATE forms SET definition = jsonb_set(definition, '{title,vi}', '"B2"') WHERE id = $1`, [id]);
    expect(await b.transaction(async (tx) => (await findStoredFormById(tx, id))?.definition.title.vi)).toBe('B');
    forgetStoredForm(a, 'CACHE-TEST', 1);
    expect((await findStoredForm(b, 'CACHE-TEST', 1))?.definition.title.vi).toBe('B');
    forgetStoredForm(b, 'CACHE-TEST', 1);
    expect((await findStoredForm(b, 'CACHE-TEST', 1))?.definition.title.vi).toBe('B2');
    expect((await findStoredForm(a, 'CACHE-TEST', 1))?.definition.title.vi).toBe('A');
  });

  it('looks the latest version up each time: a draft replaced by another process is read again, also once used', async () => {
    if (!form02) throw new Error('form 02 missing');
    const [a] = opened.map((o) => o.db) as [Db];
    const pool = opened[0]?.pool;
    if (!pool) throw new Error('pool missing');
    const retitle = (version: number, title: string) =>
      pool.query(
        `UPDATE forms SET definition = jsonb_set(definition, '{title,vi}', to_jsonb($3::text)) WHERE code = $1 AND version = $2`,
        ['LATEST-TEST', version, title],
      );
    expect(await insertForm(a, { ...form02, code: 'LATEST-TEST', version: 1, title: { vi: 'v1', en: 'v1' } })).toBe(true);
    expect((await findStoredForm(a, 'LATEST-TEST'))?.definition.title.vi).toBe('v1');
    // Not yet used: another process may still replace its definition, so it is read again.
    await retitle(1, 'v1 sửa');
    expect((await findStoredForm(a, 'LATEST-TEST'))?.definition.title.vi).toBe('v1 sửa');
    // Replaced again behind this process's cache, then used: the copy cached before the use is not taken.
    await retitle(1, 'v1 sửa lần 2');
    await pool.query(`UPDATE forms SET first_used_at = now() WHERE code = 'LATEST-TEST'`);
    expect((await findStoredForm(a, 'LATEST-TEST'))?.definition.title.vi).toBe('v1 sửa lần 2');
    // In use it can no longer change, and the copy read since then answers.
    await expect(retitle(1, 'changed after use')).rejects.toThrow();
    expect((await findStoredForm(a, 'LATEST-TEST'))?.definition.title.vi).toBe('v1 sửa lần 2');
    // A new version is the latest at once, in every process.
    await pool.query(
      `INSERT INTO forms (code, version, kind, definition) SELECT code, 2, kind, jsonb_set(definition, '{title,vi}', '"v2"') FROM forms WHERE code = 'LATEST-TEST' AND version = 1`,
    );
    expect(await findStoredForm(a, 'LATEST-TEST')).toMatchObject({ version: 2, definition: { title: { vi: 'v2' } } });
    expect(await findStoredForm(a, 'NO-SUCH-FORM')).toBeUndefined();
  });
});
