import { version } from '../../../package.json';

const USAGE = `Usage: policy-gloss <command> [options]

Commands:
  check [PATH...]   Report diagnostics for documents and glossaries (exit 1 on errors)
  scan [PATH...]    Print the index of mentions as JSON

Options:
  --help            Show this help (or a command's help: policy-gloss <command> --help)
  --version         Print the version
`;

export function main(argv: string[]): number {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (argv[0] === '--version') {
    process.stdout.write(version + '\n');
    return 0;
  }
  process.stderr.write(`policy-gloss: unknown command '${argv[0]}'\n\n${USAGE}`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
