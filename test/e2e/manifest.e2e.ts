/**
 * The built manifests (both builds exist when the E2E suite runs): the
 * production one asks for the least it needs, never <all_urls>; only the
 * E2E build adds it, for captureVisibleTab without a toolbar click.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { e2eBuild, productionBuild } from '../harness/chromium';

function manifest(build: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(build, 'manifest.json'), 'utf8')) as Record<string, unknown>;
}

describe('manifests', () => {
  it('the production manifest lists exactly the permissions HelpDraft uses, and no <all_urls>', () => {
    const production = manifest(productionBuild);
    expect(JSON.stringify(production)).not.toContain('<all_urls>');
    expect(production.permissions).toEqual([
      'activeTab',
      'contextMenus',
      'scripting',
      'storage',
      'unlimitedStorage',
    ]);
    expect(production.host_permissions).toEqual([
      'https://*.onelogin.com/*',
      'https://support.onelogin.jp/*',
    ]);
    expect(production.optional_host_permissions).toEqual(['https://*/*']);
    // Only the recorder and its bridge run by themselves, at document_start, on OneLogin hosts only
    // (in either order: the recorder's handshake works both ways).
    const contentScripts = production.content_scripts as Record<string, unknown>[];
    expect(contentScripts).toHaveLength(2);
    expect(contentScripts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          matches: ['https://*.onelogin.com/*'],
          run_at: 'document_start',
          world: 'MAIN',
        }),
        expect.objectContaining({ matches: ['https://*.onelogin.com/*'], run_at: 'document_start' }),
      ]),
    );
    expect(contentScripts.filter((script) => script.world === 'MAIN')).toHaveLength(1);
  });

  it('opens the popup with a keyboard shortcut', () => {
    expect(manifest(productionBuild).commands).toEqual({
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+H', mac: 'Alt+Shift+H' },
        description: '__MSG_actionTitle__',
      },
    });
  });

  it('the E2E build differs from production only by <all_urls>', () => {
    const production = manifest(productionBuild);
    const e2e = manifest(e2eBuild);
    expect(e2e.host_permissions).toEqual([...(production.host_permissions as string[]), '<all_urls>']);
    expect({ ...e2e, host_permissions: production.host_permissions }).toEqual(production);
  });

  it('is Japanese by default with an English translation', () => {
    const production = manifest(productionBuild);
    expect(production.default_locale).toBe('ja');
    expect(production.name).toBe('__MSG_extensionName__');
    expect((production.action as Record<string, string>).default_title).toBe('__MSG_actionTitle__');
  });
});
