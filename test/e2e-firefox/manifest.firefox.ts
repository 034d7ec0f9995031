/**
 * The built Firefox manifests (MV3 and MV2 production, MV3 E2E): the same
 * least permissions as Chrome's (no <all_urls>; host access to the OneLogin
 * console and Pentio's help center only; any other https origin optional),
 * Firefox's add-on id and minimum version, and the MV2 names of MV3 keys.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../harness/chromium';
import { firefoxE2eBuild, firefoxMv2Build, geckoId } from '../harness/firefox';

const firefoxMv3Build = path.join(projectRoot, '.output/firefox-mv3');
const hosts = ['https://*.onelogin.com/*', 'https://support.onelogin.jp/*'];
const apiPermissions = ['activeTab', 'contextMenus', 'scripting', 'storage', 'unlimitedStorage'];

function manifest(build: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(build, 'manifest.json'), 'utf8')) as Record<string, unknown>;
}

const gecko = {
  id: geckoId,
  // world: 'MAIN' content scripts (the recorder), in MV3 and MV2 alike.
  strict_min_version: '128.0',
  data_collection_permissions: { required: ['none'] },
};

describe('Firefox manifests', () => {
  it('MV3: the least permissions, an add-on id and Firefox 128 at least', () => {
    const mv3 = manifest(firefoxMv3Build);
    expect(JSON.stringify(mv3)).not.toContain('<all_urls>');
    expect(mv3.manifest_version).toBe(3);
    expect(mv3.permissions).toEqual(apiPermissions);
    expect(mv3.host_permissions).toEqual(hosts);
    expect(mv3.optional_host_permissions).toEqual(['https://*/*']);
    expect(mv3.browser_specific_settings).toEqual({ gecko });
    // Firefox MV3 runs the background as an event page, not a service worker.
    expect(mv3.background).toEqual({ scripts: ['background.js'] });
    expect(Object.keys(mv3.commands as object)).toEqual(['_execute_action']);
  });

  it('MV2: host permissions among the permissions, browser_action, the MAIN-world recorder kept', () => {
    const mv2 = manifest(firefoxMv2Build);
    expect(JSON.stringify(mv2)).not.toContain('<all_urls>');
    expect(mv2.manifest_version).toBe(2);
    expect(mv2.permissions).toEqual([...apiPermissions, ...hosts]);
    expect(mv2.optional_permissions).toEqual(['https://*/*']);
    expect(mv2).not.toHaveProperty('host_permissions');
    expect(mv2).not.toHaveProperty('action');
    expect(mv2.browser_action).toEqual({ default_title: '__MSG_actionTitle__', default_popup: 'popup.html' });
    expect(Object.keys(mv2.commands as object)).toEqual(['_execute_browser_action']);
    expect(mv2.browser_specific_settings).toEqual({ gecko });
    const contentScripts = mv2.content_scripts as Record<string, unknown>[];
    expect(contentScripts.filter((script) => script.world === 'MAIN')).toEqual([
      expect.objectContaining({ matches: ['https://*.onelogin.com/*'], run_at: 'document_start' }),
    ]);
  });

  it('the Firefox E2E build differs from the MV3 production build only by <all_urls>', () => {
    const production = manifest(firefoxMv3Build);
    const e2e = manifest(firefoxE2eBuild);
    expect(e2e.host_permissions).toEqual([...hosts, '<all_urls>']);
    expect({ ...e2e, host_permissions: production.host_permissions }).toEqual(production);
  });
});
