import { parseArgs } from 'node:util';
import type { SeverityOverrides } from '../core/diagnostics';
import { severityProblem } from '../core/settings';

/** Bad usage: the message is printed with a pointer to the help, and the exit code is 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: CommandName,
  ) {
    super(message);
  }
}

export type CommandName = 'check' | 'scan';
export const COMMANDS: readonly CommandName[] = ['check', 'scan'];

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CommandOptions {
  paths: string[];
  glossaryFiles: string[];
  /** `scan` accepts only `json`. */
  format: OutputFormat;
  /** Undefined: any number of warnings passes. */
  maxWarnings?: number;
  maxFileSize: number;
  /** `--severity CODE=LEVEL`: the same per-code severities as the editor's `policyGloss.diagnostics.severity`. */
  severity: SeverityOverrides;
  help: boolean;
}

export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

const FORMATS: Record<CommandName, readonly string[]> = { check: ['text', 'json', 'sarif'], scan: ['json'] };

export function parseCommandArgs(command: CommandName, args: string[]): CommandOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        glossary: { type: 'string', short: 'g', multiple: true },
        format: { type: 'string', short: 'f' },
        'max-warnings': { type: 'string' },
        'max-file-size': { type: 'string' },
        severity: { type: 'string', short: 's', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(describeParseError(error), command);
  }
  const { values, positionals } = parsed;
  if (values.help) return { paths: [], glossaryFiles: [], format: 'text', maxFileSize: DEFAULT_MAX_FILE_SIZE, severity: {}, help: true };

  const format = values.format ?? (command === 'check' ? 'text' : 'json');
  if (!FORMATS[command].includes(format)) {
    throw new UsageError(`'${format}' is not a format of ${command}; use ${FORMATS[command].join(', ')}`, command);
  }
  if (command === 'scan' && values['max-warnings'] !== undefined) {
    throw new UsageError('--max-warnings applies to check only', command);
  }
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    const text = values['max-warnings'];
    if (!/^\d+$/.test(text)) throw new UsageError(`--max-warnings takes a whole number of 0 or more, not '${text}'`, command);
    maxWarnings = Number(text);
  }
  let maxFileSize = DEFAULT_MAX_FILE_SIZE;
  if (values['max-file-size'] !== undefined) {
    const size = parseSize(values['max-file-size']);
    if (size === undefined) {
      throw new UsageError(`--max-file-size takes a size such as 500K or 20M, not '${values['max-file-size']}'`, command);
    }
    maxFileSize = size;
  }
  const severity = parseSeverities(values.severity ?? [], command);
  const glossaryFiles = values.glossary ?? [];
  if (glossaryFiles.some((g) => g === '')) throw new UsageError('--glossary needs a file name', command);
  if (positionals.some((p) => p === '')) throw new UsageError('an empty PATH was given', command);
  return {
    paths: positionals.length ? positionals : ['.'],
    glossaryFiles,
    format: format as OutputFormat,
    maxWarnings,
    maxFileSize,
    severity,
    help: false,
  };
}

/** `unknown-official=warning` (repeatable; a later value for the same code wins). */
export function parseSeverities(values: readonly string[], command?: CommandName): SeverityOverrides {
  const overrides: SeverityOverrides = {};
  for (const value of values) {
    const match = /^([^=\s]+)=(\S+)$/.exec(value.trim());
    if (!match) throw new UsageError(`--severity takes CODE=LEVEL such as unknown-official=warning, not '${value}'`, command);
    const [, code, level] = match;
    const problem = severityProblem(code, level);
    if (problem) throw new UsageError(`--severity: ${problem}`, command);
    overrides[code] = level as SeverityOverrides[string];
  }
  return overrides;
}

/** `1048576`, `500K`, `20M` (binary units; a trailing `B` is allowed). */
export function parseSize(text: string): number | undefined {
  const match = /^(\d+)([kKmM]?)[bB]?$/.exec(text);
  if (!match) return undefined;
  const unit = match[2].toLowerCase() === 'k' ? 1024 : match[2].toLowerCase() === 'm' ? 1024 * 1024 : 1;
  return Number(match[1]) * unit;
}

function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = error && typeof error === 'object' && 'code' in error ? error.code : undefined;
  // parseArgs names an option with a short form as '-g, --glossary <value>': keep the long name.
  const option = /'(?:-[^-], )?(--?[^' ,]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option '${option}'`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    if (/argument missing/.test(message)) return `option '${option}' needs a value`;
    if (/does not take an argument/.test(message)) return `option '${option}' takes no value`;
    if (/ambiguous/.test(message)) return `option '${option}' needs a value (write ${option}=VALUE for a value starting with '-')`;
  }
  return message.split('\n')[0];
}
