// The status bar item: entries loaded, glossary errors, indexing and restarts. A click opens the Problems
// panel, or restarts the server when it is not running.
import * as vscode from 'vscode';
import { describeServerHealth } from './serverHealth';
import type { ServerStatus } from './serverStatus';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('policyGloss.status', vscode.StatusBarAlignment.Left, 10);
  private readonly subscription: vscode.Disposable;

  constructor(status: ServerStatus) {
    this.item.name = 'Policy Gloss';
    this.subscription = status.onDidChange(() => this.render(status));
    this.render(status);
    this.item.show();
  }

  /** What the item shows now. */
  get text(): string {
    return this.item.text;
  }

  private render(status: ServerStatus): void {
    const display = describeServerHealth(status.current);
    this.item.text = display.text;
    this.item.tooltip = display.tooltip;
    this.item.command = display.action === 'restartServer' ? 'policyGloss.restartServer' : 'policyGloss.openProblems';
    this.item.backgroundColor = display.alert ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
