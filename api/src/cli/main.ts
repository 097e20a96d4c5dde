/**
 * Command-line entry: `pnpm --silent cli <command> [args]`. Each command is a function that
 * returns its exit code; unknown commands print the usage and exit 2.
 */
import { runParIndex } from './par-index.ts';
import type { CliIo } from './io.ts';

type Command = (args: readonly string[], io: CliIo) => Promise<number>;

const commands: Record<string, { run: Command; summary: string }> = {
  'par-index': { run: runParIndex, summary: 'Bảng Chỉ số CCHC từ điểm đã thẩm định / PAR Index table from appraised points' },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`);
  return ['Cách dùng / usage: pnpm --silent cli <command> [args]', 'Lệnh / commands:', ...lines].join('\n');
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(`${usage()}\n`);
    return 0;
  }
  const command = name === undefined ? undefined : commands[name];
  if (!command) {
    io.err(name === undefined ? usage() : `lệnh không tồn tại / unknown command: ${name}\n${usage()}`);
    return 2;
  }
  return command.run(args, io);
}

const processIo: CliIo = {
  out: (data) => process.stdout.write(data),
  err: (line) => process.stderr.write(`${line}\n`),
};

process.exitCode = await main(process.argv.slice(2), processIo);
