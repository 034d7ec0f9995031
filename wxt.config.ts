import { resolve } from 'node:path';
import { defineConfig } from 'wxt';

/**
 * Hosts the shipped extension may touch without asking: the OneLogin admin
 * console (capture) and Pentio's help center (fill). Any other help-center
 * origin is requested at run time from the settings page.
 */
const productionHostPermissions = ['https://*.onelogin.com/*', 'https://support.onelogin.jp/*'];

/**
 * Firefox's add-on id (storage and granted permissions are kept under it, so it never changes)
 * and the oldest Firefox the code runs on: MV3 needs 128 for the recorder's `world: 'MAIN'`
 * content script (and `scripting.executeScript({ world: 'MAIN' })`, used by the fill); storage.session
 * needs 115 and `scripting` in MV2 needs 102, both below it. The MV2 build keeps the same
 * minimum: its `world: 'MAIN'` content script is the same Firefox feature (docs/TESTING.md, Firefox).
 */
const geckoId = 'helpdraft@helpdraft.invalid';
const firefoxMinimumVersion = '128.0';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // WXT's content-script context announces every isolated-world script to the page with a
  // CustomEvent on `document`; this one does not (lib/content-script-context.ts says why).
  vite: () => ({
    resolve: {
      alias: [
        {
          find: /^wxt\/utils\/content-script-context$/,
          replacement: resolve(import.meta.dirname, 'lib/content-script-context.ts'),
        },
      ],
    },
  }),
  // `npm run package`: the store zips, and for Firefox the sources reviewers rebuild from —
  // the project as committed, without what local runs leave behind.
  zip: {
    excludeSources: ['demo-output/**', 'bench-results.json', '.output/**', 'coverage/**', '**/*.zip'],
  },
  manifest: ({ browser, manifestVersion, mode }) => {
    const firefox = browser === 'firefox';
    const hostPermissions =
      // captureVisibleTab needs activeTab (a real click on the toolbar button)
      // or <all_urls>; automation cannot click the toolbar, so only the E2E
      // builds (`npm run build:e2e`, .output/chrome-mv3-e2e; `npm run build:firefox-e2e`,
      // .output/firefox-mv3-e2e) ask for it.
      mode === 'e2e' ? [...productionHostPermissions, '<all_urls>'] : productionHostPermissions;
    return {
      name: '__MSG_extensionName__',
      description: '__MSG_extensionDescription__',
      default_locale: 'ja',
      // contextMenus: the 「この画面からサポートチケットを作成」 item; its click grants activeTab like the toolbar.
      // Firefox MV2 has `scripting` (executeScript, with `world`) since 102 when the permission is asked for;
      // WXT moves host_permissions into `permissions` for MV2.
      permissions: ['activeTab', 'contextMenus', 'scripting', 'storage', 'unlimitedStorage'],
      host_permissions: hostPermissions,
      // MV2 has no optional_host_permissions (WXT drops the key): there, optional origins are optional_permissions.
      ...(manifestVersion === 2
        ? { optional_permissions: ['https://*/*'] }
        : { optional_host_permissions: ['https://*/*'] }),
      // The organisation's policy (storage.managed; docs/DEPLOYMENT.md). Chrome and Edge read only
      // what this schema declares; Firefox takes the policy without one (3rdparty in policies.json).
      storage: { managed_schema: 'managed_schema.json' },
      action: { default_title: '__MSG_actionTitle__' },
      commands: {
        // Opens the popup like a click on the toolbar button, and grants activeTab the same way.
        // MV2 names it after browser_action (WXT converts `action` but not the command's name).
        [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: {
          suggested_key: { default: 'Alt+Shift+H', mac: 'Alt+Shift+H' },
          description: '__MSG_actionTitle__',
        },
      },
      ...(firefox
        ? {
            browser_specific_settings: {
              gecko: {
                id: geckoId,
                strict_min_version: firefoxMinimumVersion,
                // Everything stays in the browser: HelpDraft collects and transmits nothing to anyone.
                data_collection_permissions: { required: ['none'] },
              },
            },
          }
        : {}),
    };
  },
});
