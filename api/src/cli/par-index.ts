/**
 * `cli par-index --input <file.csv> [--year <year> | --method <file.json>] [--format json|xlsx|csv]
 * [--out <file>] [--title <text>] [--sipas-max <group>=<points>]…`: computes the PAR Index table
 * from the appraised points with the year's method (maxima, bands, rounding; 2021 by default) and
 * prints it (JSON by default, the contract in DESIGN.md) or writes the official XLSX/CSV layout.
 * Bad input: exit 1, one line per bad row on stderr, nothing on stdout.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  computeParTable,
  isParGroup,
  parMethod2021,
  parSettingsOf,
  publishParTable,
  ScoringInputError,
  type ParMethod,
  type ParSettingsInput,
} from '@hailong/scoring';
import { MethodOptionError, methodFromFile, methodOfYear } from './par-method-option.ts';
import { formatParInputError, parseParCsv } from '../reports/par-input.ts';
import { parTableCsv } from '../reports/par-table-csv.ts';
import { parTableXlsx } from '../reports/par-table-xlsx.ts';
import type { CliIo } from './io.ts';

export const parIndexUsage = `Cách dùng / usage: pnpm --silent cli par-index --input <file.csv> [--year <year> | --method <file.json>]
    [--format json|xlsx|csv] [--out <file>] [--title <text>] [--sipas-max <group>=<points>]...
  --year: phương pháp của năm trong CSDL (DATABASE_URL) / the year's method from the database; 2021 is built in
  --method: tệp JSON phương pháp (như GET /par/<năm>/method) / a method JSON file (as GET /par/<year>/method returns)
  Cột đầu vào / input columns: unit_code, unit_name, group, max_points, self_assessment, staff_survey_points, sipas_percent
  group: department | public_service_unit | central_agency | district | commune
  Mặc định in JSON ra stdout / prints JSON to stdout by default; xlsx/csv are written to --out (or stdout).`;

const formats = ['json', 'xlsx', 'csv'] as const;
type Format = (typeof formats)[number];

interface ParIndexArgs {
  help?: boolean;
  input: string;
  format: Format;
  out?: string | undefined;
  title?: string | undefined;
  settings: ParSettingsInput;
  year?: number | undefined;
  methodFile?: string | undefined;
}

class UsageError extends Error {}

function parseSipasMax(specs: readonly string[]): ParSettingsInput['sipasMax'] {
  const sipasMax: NonNullable<ParSettingsInput['sipasMax']> = {};
  for (const spec of specs) {
    const [group = '', points = ''] = spec.split('=');
    const value = Number(points);
    if (!isParGroup(group) || points.trim() === '' || !Number.isFinite(value) || value <= 0) {
      throw new UsageError(`--sipas-max ${spec}: cần dạng nhóm=điểm / expected group=points`);
    }
    sipasMax[group] = value;
  }
  return sipasMax;
}

function readArgs(args: readonly string[]): ParIndexArgs {
  const { values } = parseArgs({
    args: [...args],
    options: {
      input: { type: 'string' },
      format: { type: 'string', default: 'json' },
      out: { type: 'string' },
      title: { type: 'string' },
      'sipas-max': { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
      year: { type: 'string' },
      method: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return { help: true, input: '', format: 'json', settings: {} };
  if (!values.input) throw new UsageError('thiếu --input / --input is required');
  const format = values.format as Format;
  if (!formats.includes(format)) throw new UsageError(`--format ${values.format}: json | xlsx | csv`);
  const sipasMax = parseSipasMax(values['sipas-max'] ?? []);
  if (values.year !== undefined && values.method !== undefined)
    throw new UsageError('--year và --method không dùng cùng nhau / use --year or --method, not both');
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !(Number.isInteger(year) && year >= 2000 && year <= 2100))
    throw new UsageError(`--year ${values.year}: 2000–2100`);
  return {
    input: values.input,
    format,
    out: values.out,
    title: values.title,
    settings: { sipasMax },
    year,
    methodFile: values.method,
  };
}

/** The method named by --year / --method (2021 without either). */
async function methodOfArgs(args: ParIndexArgs): Promise<ParMethod> {
  if (args.methodFile) return methodFromFile(args.methodFile);
  if (args.year !== undefined) return methodOfYear(args.year);
  return parMethod2021;
}

/** The method's settings with any --sipas-max on top. */
function settingsOf(method: ParMethod, overrides: ParSettingsInput): ParSettingsInput {
  const base = parSettingsOf(method);
  return { ...base, sipasMax: { ...base.sipasMax, ...overrides.sipasMax }, decimals: method.rounding.decimals };
}

async function render(table: ReturnType<typeof publishParTable>, args: ParIndexArgs): Promise<string | Buffer> {
  if (args.format === 'xlsx') return parTableXlsx(table, { title: args.title });
  if (args.format === 'csv') return parTableCsv(table);
  return `${JSON.stringify(table, null, 2)}\n`;
}

/** Runs the command; returns the exit code (0 ok, 1 bad input, 2 bad usage). */
export async function runParIndex(argv: readonly string[], io: CliIo): Promise<number> {
  let args: ParIndexArgs;
  try {
    args = readArgs(argv);
  } catch (e) {
    io.err(`${e instanceof Error ? e.message : String(e)}\n${parIndexUsage}`);
    return 2;
  }
  if (args.help) {
    io.out(`${parIndexUsage}\n`);
    return 0;
  }
  let text: Buffer;
  try {
    text = await readFile(args.input);
  } catch {
    io.err(`không đọc được tệp / cannot read file: ${args.input}`);
    return 1;
  }
  let method: ParMethod;
  try {
    method = await methodOfArgs(args);
  } catch (e) {
    if (!(e instanceof MethodOptionError)) throw e;
    io.err(e.message);
    return 1;
  }
  const settings = settingsOf(method, args.settings);
  const parsed = parseParCsv(text, settings);
  if (!parsed.ok) {
    for (const error of parsed.errors) io.err(formatParInputError(error));
    return 1;
  }
  let table;
  try {
    table = publishParTable(computeParTable(parsed.units, settings), method.rounding.decimals);
  } catch (e) {
    if (!(e instanceof ScoringInputError)) throw e;
    io.err(`dữ liệu không hợp lệ / invalid input: ${e.message}`);
    return 1;
  }
  const output = await render(table, args);
  if (args.out) await writeFile(args.out, output);
  else io.out(output);
  return 0;
}
