import { TextDocuments, TextDocumentSyncKind, type Connection, type InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import { PolicyService } from './core/service';
import { createPathMatcher, DEFAULT_GLOSSARY_PATTERNS, type Workspace } from './core/workspace';
import { registerHover } from './features/hover';
import { StatusNotification } from './protocol';
import { NodeWorkspace } from './node/nodeWorkspace';
import type { ServerContext } from './serverContext';

/** Wires a connection to the service. The caller creates the connection (stdio, IPC or in-memory streams). */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const service = new PolicyService();
  let roots: string[] = [];
  let workspace: Workspace | undefined;
  const isGlossary = createPathMatcher(DEFAULT_GLOSSARY_PATTERNS);

  const relativePath = (uri: string): string | undefined => {
    if (!uri.startsWith('file:')) return undefined;
    const file = fileURLToPath(uri);
    for (const root of roots) {
      const rel = path.relative(root, file);
      if (!rel.startsWith('..') && !path.isAbsolute(rel)) return rel;
    }
    return path.basename(file);
  };
  const isGlossaryUri = (uri: string) => {
    const rel = relativePath(uri);
    return rel !== undefined && isGlossary(rel);
  };

  const context: ServerContext = {
    service,
    documents,
    getTextFile(uri) {
      const doc = documents.get(uri);
      return doc ? { uri, version: doc.version, text: doc.getText() } : undefined;
    },
  };

  connection.onInitialize((params): InitializeResult => {
    roots = (params.workspaceFolders ?? []).map((f) => f.uri).concat(params.workspaceFolders ? [] : params.rootUri ? [params.rootUri] : [])
      .filter((u) => u.startsWith('file:'))
      .map((u) => fileURLToPath(u));
    workspace = new NodeWorkspace(roots);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
      },
      serverInfo: { name: 'policy-gloss-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    if (!workspace) return;
    for (const uri of await workspace.listFiles()) {
      if (!isGlossaryUri(uri) || documents.get(uri)) continue;
      const text = await workspace.readFile(uri);
      if (text !== undefined) service.setGlossaryFile(uri, text);
    }
    sendStatus(false);
  });

  const sendStatus = (indexing: boolean) => {
    const glossary = service.getGlossary();
    void connection.sendNotification(StatusNotification, {
      indexing,
      entries: glossary.entries.length,
      glossaryFiles: glossary.files.length,
      glossaryErrors: glossary.problems.filter((p) => p.severity === 'error').length,
      documents: 0,
    });
  };

  documents.onDidChangeContent((event) => {
    if (isGlossaryUri(event.document.uri)) service.setGlossaryFile(event.document.uri, event.document.getText());
  });

  registerHover(connection, context);

  documents.listen(connection);
  connection.listen();
}
