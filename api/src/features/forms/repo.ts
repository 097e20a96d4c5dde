/**
 * Form versions stored in the database. Stored definitions are immutable once used, so they are
 * cached per process and database by (code, version) and by id; the latest version of a code is
 * looked up each time: its number only, and its definition unless the cached copy was read after
 * the version's first use (before that another process may still have replaced it). Per database:
 * a process may serve several (tests do), whose ids and versions say nothing about each other's forms.
 */
import { formDefinitionSchema, type FormDefinition } from '@hailong/forms';
import { databaseKey, schema, type DbOrTx } from '@hailong/db';
import { and, desc, eq, isNull } from 'drizzle-orm';

export interface StoredForm {
  id: number;
  code: string;
  version: number;
  definition: FormDefinition;
}

interface FormCache {
  byKey: Map<string, StoredForm>;
  byId: Map<number, StoredForm>;
  /** Keys (code@version) whose cached copy was read once the version was in use: it is final. */
  settled: Set<string>;
}
const caches = new WeakMap<object, FormCache>();

/** The cache key of one version of a form. */
const formKey = (code: string, version: number) => `${code}@${version}`;

function cacheOf(db: DbOrTx): FormCache {
  const key = databaseKey(db);
  let c = caches.get(key);
  if (!c) {
    c = { byKey: new Map(), byId: new Map(), settled: new Set() };
    caches.set(key, c);
  }
  return c;
}

function remember(
  db: DbOrTx,
  row: { id: number; code: string; version: number; definition: unknown; firstUsedAt: Date | null },
): StoredForm {
  const f: StoredForm = {
    id: row.id,
    code: row.code,
    version: row.version,
    definition: formDefinitionSchema.parse(row.definition),
  };
  const { byKey, byId, settled } = cacheOf(db);
  const key = formKey(f.code, f.version);
  byKey.set(key, f);
  byId.set(f.id, f);
  if (row.firstUsedAt) settled.add(key);
  else settled.delete(key);
  return f;
}

/** The given version of a form, or its latest version when `version` is omitted. */
export async function findStoredForm(db: DbOrTx, code: string, version?: number): Promise<StoredForm | undefined> {
  if (version !== undefined) {
    const hit = cacheOf(db).byKey.get(formKey(code, version));
    if (hit) return hit;
  }
  const { forms } = schema;
  if (version === undefined) {
    // The latest version's number first (a few bytes): a copy read once the version was in use can
    // no longer change, so it is taken instead of reading and validating the definition again.
    const [latest] = await db
      .select({ version: forms.version })
      .from(forms)
      .where(eq(forms.code, code))
      .orderBy(desc(forms.version))
      .limit(1);
    if (!latest) return undefined;
    const key = formKey(code, latest.version);
    const cache = cacheOf(db);
    const hit = cache.settled.has(key) ? cache.byKey.get(key) : undefined;
    if (hit) return hit;
    version = latest.version;
  }
  const rows = await db
    .select()
    .from(forms)
    .where(and(eq(forms.code, code), eq(forms.version, version)))
    .limit(1);
  return rows[0] ? remember(db, rows[0]) : undefined;
}

export async function findStoredFormById(db: DbOrTx, id: number): Promise<StoredForm | undefined> {
  const hit = cacheOf(db).byId.get(id);
  if (hit) return hit;
  const rows = await db.select().from(schema.forms).where(eq(schema.forms.id, id)).limit(1);
  return rows[0] ? remember(db, rows[0]) : undefined;
}

/** Drops cached entries of a version whose definition was replaced (only possible before first use). */
export function forgetStoredForm(db: DbOrTx, code: string, version: number): void {
  const { byKey, byId, settled } = cacheOf(db);
  const key = formKey(code, version);
  const hit = byKey.get(key);
  byKey.delete(key);
  settled.delete(key);
  if (hit) byId.delete(hit.id);
}

export interface FormRow {
  id: number;
  code: string;
  version: number;
  kind: string;
  definition: unknown;
  firstUsedAt: Date | null;
  createdAt: Date;
}

export async function listFormRows(db: DbOrTx): Promise<FormRow[]> {
  const { forms } = schema;
  return db.select().from(forms).orderBy(forms.code, desc(forms.version));
}

export async function formRow(db: DbOrTx, code: string, version: number): Promise<FormRow | undefined> {
  const { forms } = schema;
  const rows = await db
    .select()
    .from(forms)
    .where(and(eq(forms.code, code), eq(forms.version, version)))
    .limit(1);
  return rows[0];
}

export async function insertForm(db: DbOrTx, f: FormDefinition): Promise<boolean> {
  const rows = await db
    .insert(schema.forms)
    .values({ code: f.code, version: f.version, kind: f.kind, definition: f })
    .onConflictDoNothing({ target: [schema.forms.code, schema.forms.version] })
    .returning({ id: schema.forms.id });
  return rows.length > 0;
}

/** Replaces a version nobody has answered yet; false when a response used it meanwhile. */
export async function replaceUnusedForm(db: DbOrTx, f: FormDefinition): Promise<boolean> {
  const { forms } = schema;
  const rows = await db
    .update(forms)
    .set({ kind: f.kind, definition: f })
    .where(and(eq(forms.code, f.code), eq(forms.version, f.version), isNull(forms.firstUsedAt)))
    .returning({ id: forms.id });
  return rows.length > 0;
}
