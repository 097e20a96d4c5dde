import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createDb, createPool, runMigrations, seed, startEmbeddedPostgres, schema, type Db } from '@hailong/db';
import { standardForms } from '@hailong/forms';
import { parMethod2021 } from '@hailong/scoring';
import { createEmptyDatabase } from '../../test/support/pg.ts';

interface Engine {
  name: string;
  open(): Promise<{ db: Db; close(): Promise<void> }>;
}

const engines: Engine[] = [
  {
    name: 'PostgreSQL',
    async open() {
      const database = await createEmptyDatabase();
      const pool = createPool(database.url, 2);
      return {
        db: createDb(pool),
        close: async () => {
          await pool.end();
          await database.drop();
        },
      };
    },
  },
  {
    name: 'PGlite (embedded)',
    async open() {
      const pgl = await startEmbeddedPostgres(null, 4);
      const pool = createPool(pgl.url, 2);
      return {
        db: createDb(pool),
        close: async () => {
          await pool.end();
          await pgl.stop();
        },
      };
    },
  },
];

describe.each(engines)('migrations on $name', (engine) => {
  let h: Awaited<ReturnType<Engine['open']>>;
  afterAll(async () => h?.close());

  it('apply from scratch, then again as a no-op', async () => {
    h = await engine.open();
    await runMigrations(h.db);
    await runMigrations(h.db);
    const tables = await h.db.execute<{ n: number }>(
      sql`select count(*)::int as n from information_schema.tables where table_schema = 'public'`,
    );
    expect(tables.rows[0]?.n).toBeGreaterThanOrEqual(18);
  });

  it('seeds 40 units and every standard form, and a second seed changes nothing', async () => {
    const first = await seed(h.db);
    expect(first).toEqual({ unitsInserted: 40, formsInserted: standardForms.length });
    const snapshot = await h.db.select().from(schema.units).orderBy(schema.units.id);
    const second = await seed(h.db);
    expect(second).toEqual({ unitsInserted: 0, formsInserted: 0 });
    expect(await h.db.select().from(schema.units).orderBy(schema.units.id)).toEqual(snapshot);
    const st25 = snapshot.find((u) => u.code === 'ST25');
    expect(st25).toMatchObject({ name: 'Công an tỉnh', group: 'central_agency' });
    // The 2021 PAR method, once, as version 1; a year edited since keeps its versions.
    const methods = await h.db.select().from(schema.parMethods);
    expect(methods.map((m) => [m.year, m.version, m.basis])).toEqual([[2021, 1, 'seed']]);
    expect(methods[0]?.method).toEqual(parMethod2021);
  });

  it('refuses to change a form version once a response used it', async () => {
    const [form] = await h.db.select().from(schema.forms).limit(1);
    const [unit] = await h.db.select().from(schema.units).limit(1);
    if (!form || !unit) throw new Error('seed missing');
    await h.db
      .update(schema.forms)
      .set({ definition: { ...(form.definition as object) } })
      .where(sql`id = ${form.id}`);
    const [campaign] = await h.db
      .insert(schema.campaigns)
      .values({
        kind: 'sipas',
        name: `c-${engine.name}`,
        year: 2021,
        opensAt: new Date('2021-11-03'),
        closesAt: new Date('2021-11-23'),
      })
      .returning();
    await h.db.insert(schema.responses).values({
      clientId: crypto.randomUUID(),
      campaignId: campaign!.id,
      formId: form.id,
      unitId: unit.id,
      channel: 'online',
      answers: {},
      payloadHash: 'x',
    });
    await expect(
      h.db
        .update(schema.forms)
        .set({ definition: { changed: true } })
        .where(sql`id = ${form.id}`),
    ).rejects.toThrow();
    const [after] = await h.db
      .select()
      .from(schema.forms)
      .where(sql`id = ${form.id}`);
    expect(after?.definition).toEqual(form.definition);
    expect(after?.firstUsedAt).toBeInstanceOf(Date);
  });

  it('stores a response only once per client id', async () => {
    const [r] = await h.db.select().from(schema.responses).limit(1);
    if (!r) throw new Error('no response');
    const { id: _id, receivedAt: _r, ...copy } = r;
    await expect(h.db.insert(schema.responses).values(copy)).rejects.toThrow();
  });
});
