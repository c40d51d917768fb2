import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DOCUMENT_DIAGNOSTIC_CODES } from '../../server/src/core/diagnostics';

// The manifest and the client's sources must agree: a command registered but not declared (or the reverse)
// fails silently in VS Code.
const root = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const contributes = manifest.contributes;
const registered = [...readFileSync(join(root, 'client', 'src', 'commands.ts'), 'utf8').matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]);

describe('package.json contributions', () => {
  it('declares exactly the commands the client registers', () => {
    const declared = contributes.commands.map((command: { command: string }) => command.command).sort();
    assert.ok(registered.length >= 5);
    assert.deepEqual(declared, [...registered].sort());
  });

  it('refers only to declared commands in menus', () => {
    const declared = new Set(contributes.commands.map((command: { command: string }) => command.command));
    for (const [menu, items] of Object.entries(contributes.menus as Record<string, { command: string }[]>)) {
      for (const item of items) assert.ok(declared.has(item.command), `${menu}: ${item.command}`);
    }
  });

  it('describes every setting', () => {
    const properties = Object.entries(contributes.configuration.properties as Record<string, { description?: string; markdownDescription?: string }>);
    assert.ok(properties.length >= 6);
    for (const [name, schema] of properties) {
      assert.ok((schema.description ?? schema.markdownDescription ?? '').length > 20, name);
    }
  });

  it('offers a severity setting for every diagnostic code the server reports', () => {
    const severity = contributes.configuration.properties['policyGloss.diagnostics.severity'];
    assert.deepEqual(Object.keys(severity.properties).sort(), [...DOCUMENT_DIAGNOSTIC_CODES].sort());
    for (const code of DOCUMENT_DIAGNOSTIC_CODES) {
      assert.deepEqual(severity.properties[code].enum, ['error', 'warning', 'information', 'hint', 'off']);
    }
  });

  it('puts the index view in its own container and declares limited untrusted support', () => {
    assert.ok(contributes.viewsContainers.activitybar.some((container: { id: string }) => container.id === 'policyGloss'));
    assert.ok(contributes.views.policyGloss.some((view: { id: string }) => view.id === 'policyGloss.index'));
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
  });
});
