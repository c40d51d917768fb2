// The server's health as the client sees it: the language client's state, the last status notification
// and any crash. The status bar, the index view and the extension's API all read it from here.
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/protocol';
import type { ServerHealth, ServerPhase } from './serverHealth';

export class ServerStatus implements vscode.Disposable {
  private health: ServerHealth = { phase: 'starting' };
  private readonly changeEmitter = new vscode.EventEmitter<ServerHealth>();
  /** Fires on every change of phase, status or crash. */
  readonly onDidChange = this.changeEmitter.event;

  get current(): ServerHealth {
    return this.health;
  }

  setPhase(phase: ServerPhase): void {
    // Only a running server has an index; a restarted one reports again from scratch.
    this.update(phase === 'running' ? { ...this.health, phase } : { ...this.health, phase, status: undefined });
  }

  setStatus(status: StatusParams): void {
    // A crashed server that has indexed again is healthy: the crash note has served its purpose.
    const recovered = !status.indexing && this.health.crash?.restarting === true;
    this.update({ ...this.health, status, crash: recovered ? undefined : this.health.crash });
  }

  recordCrash(crash: NonNullable<ServerHealth['crash']>): void {
    this.update({ ...this.health, crash });
  }

  /** Forgets a crash, before the user restarts the server by hand. */
  clearCrash(): void {
    this.update({ ...this.health, crash: undefined });
  }

  /** Resolves with the first status that reports a finished index (now, if the last one did). */
  whenIndexed(): Promise<StatusParams> {
    const ready = (health: ServerHealth) => (health.status && !health.status.indexing ? health.status : undefined);
    const now = ready(this.health);
    if (now) return Promise.resolve(now);
    return new Promise((resolve) => {
      const listener = this.onDidChange((health) => {
        const status = ready(health);
        if (!status) return;
        listener.dispose();
        resolve(status);
      });
    });
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }

  private update(health: ServerHealth): void {
    this.health = health;
    this.changeEmitter.fire(health);
  }
}
