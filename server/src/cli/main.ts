import { version } from '../../../package.json';
import { COMMANDS, parseCommandArgs, UsageError, type CommandName, type CommandOptions } from './args';
import { MissingPathError } from './files';
import { countSeverities, formatCheckJson, formatCheckText, formatScanJson, plural } from './format';
import { Progress } from './progress';
import { allDiagnostics, GlossaryReadError, run } from './runner';
import { formatSarif } from './sarif';

/** Exit codes: 0 clean, 1 findings over the limits, 2 bad usage or an unreadable glossary. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

const USAGE = `Usage: policy-gloss <command> [options]

Commands:
  check [PATH...]   Report diagnostics for documents and glossaries (exit 1 on errors)
  scan [PATH...]    Print the index of mentions as JSON

Options:
  --help            Show this help (or a command's help: policy-gloss <command> --help)
  --version         Print the version
`;

const PATH_HELP = `PATH is a document, a glossary file or a directory (default: the current directory).
Directories are walked honouring .gitignore, skipping node_modules, .git and symbolic links;
documents are the files matching **/*.txt and **/*.md, glossaries those matching
**/*.glossary.yaml, **/*.glossary.yml and **/glossary.yaml. Files are read as UTF-8.`;

const COMMAND_USAGE: Record<CommandName, string> = {
  check: `Usage: policy-gloss check [PATH...] [options]

Reports the diagnostics of the documents and glossary files under each PATH, one per line as
path:line:column: severity code message, then a summary line.

${PATH_HELP}

Options:
  -g, --glossary FILE      Use this glossary file instead of the ones found under PATH (repeatable)
  -f, --format FORMAT      text (default), json, or sarif (SARIF 2.1.0 for code scanning)
  --max-warnings N         Also fail when there are more than N warnings
  --max-file-size SIZE     Skip documents larger than SIZE (default 10M; e.g. 500K, 20M)
  -s, --severity CODE=LEVEL
                           Report a document diagnostic code at LEVEL: error, warning,
                           information, hint or off (repeatable), as the editor's
                           policyGloss.diagnostics.severity setting does
  -h, --help               Show this help

Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors or too many warnings,
2 bad usage or a glossary that cannot be read.
`,
  scan: `Usage: policy-gloss scan [PATH...] [options]

Prints the index as JSON: the glossary files and entry count, then every document (sorted by path)
with its date, mentions, candidates (what the glossary lacks) and diagnostics. Lines are 0-based and
characters count UTF-16 code units, as in the Language Server Protocol.

${PATH_HELP}

Options:
  -g, --glossary FILE      Use this glossary file instead of the ones found under PATH (repeatable)
  -f, --format json        The only format (the default)
  --max-file-size SIZE     Skip documents larger than SIZE (default 10M; e.g. 500K, 20M)
  -s, --severity CODE=LEVEL
                           Severity of a document diagnostic code (repeatable; see check)
  -h, --help               Show this help

Exit codes: 0 the index was printed, 2 bad usage or a glossary that cannot be read.
`,
};

export async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h') {
    process.stdout.write(USAGE);
    return EXIT_OK;
  }
  if (first === '--version') {
    process.stdout.write(version + '\n');
    return EXIT_OK;
  }
  if (first === 'help') {
    const topic = rest[0];
    if (topic === undefined) process.stdout.write(USAGE);
    else if (isCommand(topic)) process.stdout.write(COMMAND_USAGE[topic]);
    else return usageError(new UsageError(`unknown command '${topic}'`));
    return EXIT_OK;
  }
  if (!isCommand(first)) {
    return usageError(new UsageError(first.startsWith('-') ? `unknown option '${first}'` : `unknown command '${first}'`));
  }
  try {
    const options = parseCommandArgs(first, rest);
    if (options.help) {
      process.stdout.write(COMMAND_USAGE[first]);
      return EXIT_OK;
    }
    return runCommand(first, options);
  } catch (error) {
    if (error instanceof UsageError) return usageError(error);
    if (error instanceof MissingPathError || error instanceof GlossaryReadError) {
      process.stderr.write(`policy-gloss: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

function isCommand(name: string): name is CommandName {
  return (COMMANDS as readonly string[]).includes(name);
}

function usageError(error: UsageError): number {
  const help = error.command ? `policy-gloss ${error.command} --help` : 'policy-gloss --help';
  process.stderr.write(`policy-gloss: ${error.message}\nRun '${help}' for usage.\n`);
  return EXIT_USAGE;
}

function runCommand(command: CommandName, options: CommandOptions): number {
  const progress = new Progress(process.stderr);
  const result = run({
    paths: options.paths,
    glossaryFiles: options.glossaryFiles,
    maxFileSize: options.maxFileSize,
    severity: options.severity,
    keepAnalysis: command === 'scan',
    progress,
    onNote: (note) => {
      progress.clear();
      process.stderr.write(`policy-gloss: ${note}\n`);
    },
  });

  if (command === 'scan') {
    process.stdout.write(formatScanJson(result));
    return EXIT_OK;
  }
  const output =
    options.format === 'sarif' ? formatSarif(result, version) : options.format === 'json' ? formatCheckJson(result) : formatCheckText(result);
  process.stdout.write(output);

  const counts = countSeverities(allDiagnostics(result));
  if (counts.errors > 0) return EXIT_FINDINGS;
  if (options.maxWarnings !== undefined && counts.warnings > options.maxWarnings) {
    process.stderr.write(
      `policy-gloss: ${plural(counts.warnings, 'warning')} found, more than --max-warnings ${options.maxWarnings} allows\n`,
    );
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`policy-gloss: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT_USAGE;
  },
);
