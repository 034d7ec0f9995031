import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { Translate } from '@/lib/i18n';

/**
 * The keyboard shortcut that opens the popup (the `_execute_action` command).
 * Browsers let only their own page change it: chrome://extensions/shortcuts
 * in Chromium, about:addons in Firefox.
 */
export function ShortcutSetting({ t }: { t: Translate }) {
  const [shortcut, setShortcut] = useState<string>();
  useEffect(() => {
    void browser.commands.getAll().then((commands) => {
      // MV2 (Firefox) names the command after browser_action.
      const opener = commands.find(
        (command) => command.name === '_execute_action' || command.name === '_execute_browser_action',
      );
      setShortcut(opener?.shortcut ?? '');
    });
  }, []);
  return (
    <div className="field">
      <span className="label" id="settings-shortcut-label">
        {t('options.shortcut')}
      </span>
      {/* A paragraph may not be named (aria-prohibited-attr); a group, the shortcut and its button, may. */}
      <p role="group" aria-labelledby="settings-shortcut-label">
        {/* Empty until the browser has answered: "none" is said only when it is so. */}
        <kbd data-testid="settings-shortcut" data-loaded={shortcut !== undefined}>
          {shortcut === undefined ? '' : shortcut || t('options.shortcutNone')}
        </kbd>{' '}
        <button
          type="button"
          className="link"
          onClick={() => void browser.tabs.create({ url: 'chrome://extensions/shortcuts' })}
        >
          {t('options.shortcutChange')}
        </button>
      </p>
    </div>
  );
}
