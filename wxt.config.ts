import { defineConfig } from 'wxt';

/**
 * Hosts the shipped extension may touch without asking: the OneLogin admin
 * console (capture) and Pentio's help center (fill). Any other help-center
 * origin is requested at run time from the settings page.
 */
const productionHostPermissions = ['https://*.onelogin.com/*', 'https://support.onelogin.jp/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: ({ mode }) => ({
    name: '__MSG_extensionName__',
    description: '__MSG_extensionDescription__',
    default_locale: 'ja',
    // contextMenus: the 「この画面からサポートチケットを作成」 item; its click grants activeTab like the toolbar.
    permissions: ['activeTab', 'contextMenus', 'scripting', 'storage', 'unlimitedStorage'],
    host_permissions:
      // captureVisibleTab needs activeTab (a real click on the toolbar button)
      // or <all_urls>; automation cannot click the toolbar, so only the E2E
      // build (`npm run build:e2e`, .output/chrome-mv3-e2e) asks for it.
      mode === 'e2e' ? [...productionHostPermissions, '<all_urls>'] : productionHostPermissions,
    optional_host_permissions: ['https://*/*'],
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      // Opens the popup like a click on the toolbar button, and grants activeTab the same way.
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+H', mac: 'Alt+Shift+H' },
        description: '__MSG_actionTitle__',
      },
    },
  }),
});
