// The "Policy Index" tree view: the server's index (IndexRequest) shown as kinds, entries, documents and
// mentions. The tree itself is built by `buildIndexTree`; this module maps it to tree items and refreshes it.
import * as vscode from 'vscode';
import type { IndexEntry } from '../../server/src/protocol';
import { countLabel } from './format';
import { buildIndexTree, type IndexNode, type KindNode } from './indexTree';

const KIND_ICONS: Record<string, string> = {
  resolution: 'law',
  official: 'person',
  term: 'symbol-key',
  organization: 'organization',
  agreement: 'symbol-event',
  event: 'calendar',
  place: 'location',
  other: 'tag',
};

/** How long status notifications are gathered before the index is fetched again... */
const REFRESH_DELAY_MS = 300;
/** ...but a steady stream of them (a long indexing run) does not hold the view back for longer than this. */
const MAX_REFRESH_DELAY_MS = 2000;

export class IndexTreeProvider implements vscode.TreeDataProvider<IndexNode>, vscode.Disposable {
  private tree: Promise<KindNode[]> | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  /** When the oldest change not yet shown was reported. */
  private pendingSince: number | undefined;
  private readonly changeEmitter = new vscode.EventEmitter<IndexNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly messageEmitter = new vscode.EventEmitter<string | undefined>();
  /** A note for the view when the index could not be fetched; undefined when it was. */
  readonly onDidChangeMessage = this.messageEmitter.event;

  constructor(private readonly fetchIndex: () => Promise<IndexEntry[] | undefined>) {}

  getChildren(node?: IndexNode): vscode.ProviderResult<IndexNode[]> {
    if (node) return node.type === 'mention' ? [] : node.children;
    this.tree ??= this.load();
    return this.tree;
  }

  getTreeItem(node: IndexNode): vscode.TreeItem {
    switch (node.type) {
      case 'kind': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
        item.description = countLabel(node.children.length, 'entry', 'entries');
        item.iconPath = new vscode.ThemeIcon(KIND_ICONS[node.kind] ?? 'tag');
        item.contextValue = 'policyGloss.kind';
        item.id = node.key;
        return item;
      }
      case 'entry': {
        const state = node.children.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None;
        const item = new vscode.TreeItem(node.name, state);
        item.description = countLabel(node.mentionCount, 'mention');
        item.tooltip = `${node.name}\n${node.kind} · ${node.id}\n${countLabel(node.mentionCount, 'mention')} in ${countLabel(node.children.length, 'document')}`;
        item.iconPath = new vscode.ThemeIcon(KIND_ICONS[node.kind] ?? 'tag');
        item.contextValue = 'policyGloss.entry';
        item.id = node.key;
        return item;
      }
      case 'document': {
        const uri = vscode.Uri.parse(node.uri);
        const item = new vscode.TreeItem(vscode.workspace.asRelativePath(uri), vscode.TreeItemCollapsibleState.Collapsed);
        item.resourceUri = uri;
        item.iconPath = vscode.ThemeIcon.File;
        item.description = countLabel(node.children.length, 'mention');
        item.contextValue = 'policyGloss.document';
        item.id = node.key;
        return item;
      }
      case 'mention': {
        const range = new vscode.Range(node.range.start.line, node.range.start.character, node.range.end.line, node.range.end.character);
        const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
        item.description = `line ${node.range.start.line + 1}`;
        item.tooltip = `${vscode.workspace.asRelativePath(vscode.Uri.parse(node.uri))}:${node.range.start.line + 1}:${node.range.start.character + 1}`;
        item.iconPath = new vscode.ThemeIcon('debug-breakpoint-log-unverified');
        item.contextValue = 'policyGloss.mention';
        item.id = node.key;
        item.command = {
          command: 'vscode.open',
          title: 'Open Mention',
          arguments: [vscode.Uri.parse(node.uri), { selection: range, preview: true } satisfies vscode.TextDocumentShowOptions],
        };
        return item;
      }
    }
  }

  /** Drops the fetched index; the view asks again if it is visible. */
  refresh(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    this.pendingSince = undefined;
    this.tree = undefined;
    this.changeEmitter.fire(undefined);
  }

  /** Refreshes once a burst of changes has settled (status notifications come in bursts while indexing). */
  scheduleRefresh(): void {
    const now = Date.now();
    this.pendingSince ??= now;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    const delay = Math.min(REFRESH_DELAY_MS, Math.max(0, this.pendingSince + MAX_REFRESH_DELAY_MS - now));
    this.refreshTimer = setTimeout(() => this.refresh(), delay);
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.changeEmitter.dispose();
    this.messageEmitter.dispose();
  }

  private async load(): Promise<KindNode[]> {
    try {
      const entries = await this.fetchIndex();
      this.messageEmitter.fire(undefined);
      return entries ? buildIndexTree(entries) : [];
    } catch (error) {
      this.messageEmitter.fire(`Could not load the index: ${error instanceof Error ? error.message : String(error)}`);
      return [];
    }
  }
}

/** Creates the view and keeps its message in step with the provider. */
export function createIndexView(provider: IndexTreeProvider): vscode.Disposable {
  const view = vscode.window.createTreeView('policyGloss.index', { treeDataProvider: provider, showCollapseAll: true });
  const messages = provider.onDidChangeMessage((message) => (view.message = message));
  return vscode.Disposable.from(view, messages);
}
