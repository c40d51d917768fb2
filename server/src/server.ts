import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GlossaryCache } from './core/glossaryCache';
import { PolicyService } from './core/service';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from './core/settings';
import { baseName, relativePathIn, type RealUri } from './core/uris';
import { createPathMatcher, type Workspace } from './core/workspace';
import { registerCodeActions } from './features/codeActions';
import { registerCodeLens } from './features/codeLens';
import { COMPLETION_TRIGGER_CHARACTERS, registerCompletion } from './features/completion';
import { registerCustomRequests } from './features/customRequests';
import { DiagnosticsPublisher } from './features/diagnostics';
import { registerDocumentLinks } from './features/documentLinks';
import { registerHover } from './features/hover';
import { registerInlayHints } from './features/inlayHints';
import { registerNavigation } from './features/navigation';
import { registerRename } from './features/rename';
import { registerSemanticTokens, SEMANTIC_TOKENS_LEGEND } from './features/semanticTokens';
import { registerSymbols } from './features/symbols';
import { WorkspaceSync } from './features/workspaceSync';
import { FileGlossaryCache } from './node/fileGlossaryCache';
import { NodeWorkspace } from './node/nodeWorkspace';
import { realFileUri } from './node/realUri';
import { describeError, guardNotification, type ServerContext } from './serverContext';
import type { TextFile } from './core/types';

/** Languages whose documents are served (`text` is what some editors call plain text). */
const SERVED_LANGUAGES = new Set(['plaintext', 'markdown', 'policytext', 'text']);
const SKIPPED_SEGMENTS = /(^|\/)(node_modules|\.git)(\/|$)/;

/** What the server gets from its environment: how to reach the files of the workspace. */
export interface ServerRuntime {
  /** The workspace of these roots; its index takes glossaries from `glossaryCache` where it can. */
  createWorkspace(rootUris: string[], glossaryCache?: GlossaryCache): Workspace;
  /** A glossary cache in a folder the client names (see InitializationOptions); absent where there is no file system. */
  createGlossaryCache?(folder: string, log: (message: string) => void): GlossaryCache;
  /** Follows symbolic links (see RealUri); absent where there is no file system. */
  realUri?: RealUri;
}

const nodeRuntime: ServerRuntime = {
  createWorkspace: (roots, glossaryCache) =>
    new NodeWorkspace(
      roots.map((uri) => fileURLToPath(uri)),
      { glossaryCache: glossaryCache instanceof FileGlossaryCache ? glossaryCache : undefined },
    ),
  createGlossaryCache: (folder, log) => new FileGlossaryCache(folder, undefined, log),
  realUri: realFileUri,
};

/** What the client may send with `initialize`. */
export interface InitializationOptions {
  /**
   * An absolute folder where the server may keep the built glossary between runs (the extension gives
   * its workspace storage); without one, the glossary is built from its files at every start.
   */
  glossaryCacheFolder?: string;
}

function glossaryCacheFolderOf(options: unknown): string | undefined {
  const folder = typeof options === 'object' && options !== null ? (options as InitializationOptions).glossaryCacheFolder : undefined;
  return typeof folder === 'string' && isAbsolute(folder) ? folder : undefined;
}

/** Wires a connection to the service. The caller creates the connection (stdio, IPC or in-memory streams). */
export function startServer(connection: Connection, runtime: ServerRuntime = nodeRuntime): void {
  const documents = new TextDocuments(TextDocument);
  const service = new PolicyService({ realUri: runtime.realUri });
  let roots: string[] = [];
  let settings: Settings = DEFAULT_SETTINGS;
  let capabilities: ClientCapabilities = {};
  let isGlossaryPath = createPathMatcher(settings.glossaryFiles);
  let isDocumentPath = createPathMatcher(settings.documents);

  /**
   * The path the patterns are matched against: relative to its workspace folder. Without workspace
   * folders (a single file opened) the file name stands for it; files outside the folders are not part
   * of the workspace (not indexed, never a glossary).
   */
  const workspacePath = (uri: string): string | undefined => {
    if (!uri.startsWith('file:')) return undefined;
    const path = relativePathIn(uri, roots) ?? (roots.length === 0 ? baseName(uri) : undefined);
    return path === undefined || SKIPPED_SEGMENTS.test(path) ? undefined : path;
  };
  const isGlossaryUri = (uri: string) => {
    const path = workspacePath(uri);
    return path !== undefined && isGlossaryPath(path);
  };
  const isDocumentUri = (uri: string) => {
    const path = workspacePath(uri);
    return path !== undefined && isDocumentPath(path) && !isGlossaryPath(path);
  };
  /** Open documents served: workspace documents, and files from elsewhere whose name fits (not indexed). */
  const isServedDocument = (document: TextDocument) => {
    const { uri } = document;
    if (!SERVED_LANGUAGES.has(document.languageId) || isGlossaryUri(uri)) return false;
    if (!uri.startsWith('file:') || isDocumentUri(uri)) return true;
    return relativePathIn(uri, roots) === undefined && isDocumentPath(baseName(uri));
  };

  let sync: WorkspaceSync | undefined;
  let glossaryCache: GlossaryCache | undefined;
  const context: ServerContext = {
    connection,
    service,
    documents,
    settings: () => settings,
    clientCapabilities: () => capabilities,
    isGlossaryUri,
    isDocumentUri,
    getTextFile(uri): TextFile | undefined {
      sync?.flush();
      const document = documents.get(uri);
      if (document) {
        if (service.hasGlossaryFile(uri) || isServedDocument(document)) return { uri, version: document.version, text: document.getText() };
        return undefined;
      }
      const text = service.getGlossaryText(uri);
      return text === undefined ? undefined : { uri, version: 0, text };
    },
    flushPendingChanges: () => sync?.flush(),
    log: (message) => connection.console.log(message),
    logError: (message, error) => connection.console.error(error === undefined ? message : `${message}: ${describeError(error)}`),
  };
  const publisher = new DiagnosticsPublisher(context);

  // The glossary is kept for the next start when the server stops (see GlossaryCache). Then it costs
  // nothing: written earlier, serializing it left tens of megabytes of buffers in the process for good.
  connection.onShutdown(() => {
    try {
      service.saveGlossaryToCache();
    } catch (error) {
      context.logError('Keeping the glossary in the cache failed', error);
    }
  });

  connection.onInitialize((params): InitializeResult => {
    capabilities = params.capabilities;
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []);
    roots = folders.map((f) => f.uri).filter((u) => u.startsWith('file:'));
    service.setRoots(roots);
    const cacheFolder = glossaryCacheFolderOf(params.initializationOptions);
    glossaryCache = cacheFolder === undefined ? undefined : runtime.createGlossaryCache?.(cacheFolder, context.log);
    service.setGlossaryCache(glossaryCache);
    sync = new WorkspaceSync(context, publisher, runtime.createWorkspace(roots, glossaryCache), isServedDocument);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS, resolveProvider: false },
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
        inlayHintProvider: { resolveProvider: false },
        codeLensProvider: { resolveProvider: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        documentLinkProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'policy-gloss-server', version: '0.1.0' },
    };
  });

  /** Reads `policyGloss.*` (pulled from the client, or pushed with a configuration change); defaults when absent. */
  const loadSettings = async (pushed?: unknown): Promise<Settings> => {
    let raw: unknown = pushed;
    if (capabilities.workspace?.configuration) {
      try {
        raw = await connection.workspace.getConfiguration('policyGloss');
      } catch (error) {
        context.logError('reading settings failed; using defaults', error);
      }
    }
    const parsed = parseSettings(raw);
    for (const problem of parsed.problems) connection.console.warn(`Setting ${problem.setting}: ${problem.message}.`);
    return parsed.settings;
  };

  const applySettings = (next: Settings): { patternsChanged: boolean } => {
    const patternsChanged =
      JSON.stringify([next.glossaryFiles, next.documents]) !== JSON.stringify([settings.glossaryFiles, settings.documents]);
    settings = next;
    isGlossaryPath = createPathMatcher(settings.glossaryFiles);
    isDocumentPath = createPathMatcher(settings.documents);
    return { patternsChanged };
  };

  connection.onInitialized(
    guardNotification(context, 'initialized', async () => {
      applySettings(await loadSettings());
      if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
        void connection.client.register(DidChangeConfigurationNotification.type, { section: 'policyGloss' }).catch(() => undefined);
      }
      if (capabilities.workspace?.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders(
          guardNotification(context, 'workspaceFolders', (event) => {
            const removed = new Set(event.removed.map((f) => f.uri));
            roots = roots.filter((r) => !removed.has(r)).concat(event.added.map((f) => f.uri).filter((u) => u.startsWith('file:')));
            service.setRoots(roots);
            sync!.rebuildIndex(runtime.createWorkspace(roots, glossaryCache));
          }),
        );
      }
      sync!.registerWatchers();
      sync!.rebuildIndex();
    }),
  );

  connection.onDidChangeConfiguration(
    guardNotification(context, 'configuration', async (params) => {
      const pushed = (params.settings as { policyGloss?: unknown } | null)?.policyGloss;
      const previous = settings;
      const { patternsChanged } = applySettings(await loadSettings(pushed));
      if (!sync) return;
      if (patternsChanged) {
        sync.registerWatchers();
        sync.rebuildIndex();
      }
      if (patternsChanged || JSON.stringify(previous.diagnostics) !== JSON.stringify(settings.diagnostics)) sync.refreshOpenDocuments();
      sync.refreshClientViews();
    }),
  );

  connection.onDidChangeWatchedFiles(guardNotification(context, 'watchedFiles', (params) => sync?.filesChanged(params.changes)));

  documents.onDidChangeContent((event) => {
    try {
      sync?.documentChanged(event.document);
    } catch (error) {
      context.logError('document change failed', error);
    }
  });
  documents.onDidClose((event) => {
    try {
      sync?.documentClosed(event.document);
    } catch (error) {
      context.logError('document close failed', error);
    }
  });

  registerHover(connection, context);
  registerNavigation(connection, context);
  registerCompletion(connection, context);
  registerRename(connection, context);
  registerSymbols(connection, context);
  registerSemanticTokens(connection, context);
  registerInlayHints(connection, context);
  registerCodeLens(connection, context);
  registerCodeActions(connection, context);
  registerDocumentLinks(connection, context);
  registerCustomRequests(connection, context);

  documents.listen(connection);
  connection.listen();
}
