/**
 * The one argument parser of the scripts under scripts/ and tests/: node:util parseArgs, strict, with its
 * English errors said again in Chinese for the staff who run these commands, followed by the usage.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A command line that cannot be run: the message says what is wrong and how the command is used. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** What node:util's parseArgs error means, in Chinese. */
export function describeArgumentError(error: Error & { code?: string }): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  // "Option '-h, --help' does not take an argument", "Option '--date <value>' argument missing"
  const option = quoted
    .replace(/ <value>$/, '')
    .split(', ')
    .at(-1);
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `不认识的参数：${quoted}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return / argument missing/.test(error.message) ? `${option} 后面要写一个值` : `${option} 后面不用写值`;
    default:
      return error.message;
  }
}

/**
 * Parses `args` (the command's own arguments unless given) as `config` says; throws a UsageError whose
 * message is the problem in Chinese and then `usage`.
 */
export function parseCommandLine<const T extends ParseArgsConfig>(
  config: T,
  usage: string,
): ReturnType<typeof parseArgs<T & { strict: true }>> {
  try {
    return parseArgs<T & { strict: true }>({ ...config, args: config.args ?? process.argv.slice(2), strict: true });
  } catch (error) {
    if (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS_')) {
      throw new UsageError(`${describeArgumentError(error)}\n${usage}`);
    }
    throw error;
  }
}

/**
 * parseCommandLine for a script's top level: a command line that cannot be run prints its message to stderr
 * and ends the process with `status` (2, the usual status for a usage error, unless told).
 */
export function readCommandLine<const T extends ParseArgsConfig>(
  config: T,
  usage: string,
  status = 2,
): ReturnType<typeof parseArgs<T & { strict: true }>> {
  try {
    return parseCommandLine(config, usage);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.message);
    process.exit(status);
  }
}

/** The files a command works on, one or more: without any, the usage and status 2. */
export function readFileArguments(usage: string): string[] {
  const { positionals } = readCommandLine({ allowPositionals: true }, usage);
  if (positionals.length === 0) {
    console.error(usage);
    process.exit(2);
  }
  return positionals;
}
