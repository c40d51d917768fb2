// How the client judges the server's health: when to restart it after a crash, and what the status bar says.
// Pure (no `vscode` import) so that both rules are unit-tested.
import type { StatusParams } from '../../server/src/protocol';
import { countLabel } from './format';

/**
 * Allows a bounded number of restarts within a sliding time window. A server that crashes now and then is
 * restarted every time; one that crashes in a loop is stopped instead of burning CPU forever.
 */
export class RestartWindow {
  private readonly crashes: number[] = [];

  constructor(
    readonly maxRestarts: number,
    readonly windowMs: number,
  ) {}

  /** Records a crash at `now` (ms) and tells whether the server should be restarted. */
  recordCrash(now: number): { restart: boolean; recentCrashes: number } {
    this.crashes.push(now);
    while (this.crashes.length > 0 && now - this.crashes[0] > this.windowMs) this.crashes.shift();
    return { restart: this.crashes.length <= this.maxRestarts, recentCrashes: this.crashes.length };
  }
}

export type ServerPhase = 'starting' | 'running' | 'stopped';

export interface ServerHealth {
  phase: ServerPhase;
  /** The last status the running server sent; undefined until the first one after a (re)start. */
  status?: StatusParams;
  /** Set when the server died unexpectedly, until it has indexed again. */
  crash?: { recentCrashes: number; maxRestarts: number; restarting: boolean };
}

export interface StatusDisplay {
  text: string;
  tooltip: string;
  /** What a click does. */
  action: 'openProblems' | 'restartServer';
  /** Draw attention (error background): the server is down. */
  alert: boolean;
}

/** The status bar's text, tooltip and click action for a server state. */
export function describeServerHealth(health: ServerHealth): StatusDisplay {
  const { phase, status, crash } = health;
  if (crash && !crash.restarting) {
    return {
      text: '$(error) Policy Gloss stopped',
      tooltip: `The Policy Gloss server crashed ${countLabel(crash.recentCrashes, 'time')} in a short time and was not restarted. Click to restart it.`,
      action: 'restartServer',
      alert: true,
    };
  }
  if (phase === 'stopped' && !crash) {
    return { text: '$(circle-slash) Policy Gloss', tooltip: 'The Policy Gloss server is not running. Click to restart it.', action: 'restartServer', alert: false };
  }
  if (crash) {
    return {
      text: '$(sync~spin) Policy Gloss restarting',
      tooltip: `The Policy Gloss server stopped unexpectedly and is restarting (crash ${crash.recentCrashes} of ${crash.maxRestarts} allowed in a short time).`,
      action: 'openProblems',
      alert: false,
    };
  }
  if (phase === 'starting' || !status) {
    return { text: '$(sync~spin) Policy Gloss', tooltip: 'Starting the Policy Gloss server…', action: 'openProblems', alert: false };
  }
  const errors = status.glossaryErrors > 0 ? ` $(error) ${status.glossaryErrors}` : '';
  const icon = status.indexing ? '$(sync~spin)' : '$(book)';
  const lines = [
    `${countLabel(status.entries, 'glossary entry', 'glossary entries')} from ${countLabel(status.glossaryFiles, 'glossary file')}`,
    status.indexing ? `Indexing the workspace… (${countLabel(status.documents, 'document')} so far)` : `${countLabel(status.documents, 'document')} indexed`,
  ];
  if (status.glossaryErrors > 0) lines.push(countLabel(status.glossaryErrors, 'glossary error'));
  lines.push('Click to open the Problems panel.');
  return {
    text: `${icon} ${countLabel(status.entries, 'entry', 'entries')}${errors}`,
    tooltip: lines.join('\n'),
    action: 'openProblems',
    alert: false,
  };
}
