/**
 * A help center under *.onelogin.com is filled only after the user allowed it, although the
 * manifest's OneLogin host permission (for capture) already covers it (issue 15, item 5;
 * lib/help-center-consent.ts, lib/background/fill-draft.ts). WXT's fake browser has no
 * `permissions`, so each test says what the browser has granted.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fillDraft } from '@/lib/background/fill-draft';
import {
  grantedForCaptureOnly,
  helpCenterAccess,
  helpCenterConsentsItem,
  readHelpCenterConsents,
  recordHelpCenterConsent,
  type HelpCenterAccess,
} from '@/lib/help-center-consent';
import { defaultSettings } from '@/lib/schema';
import { settingsItem, writeDraft } from '@/lib/storage';
import { makeDraft } from './fixtures';

/** Pretends the browser granted exactly these origins (as `<origin>/*` patterns). */
function grant(origins: string[]) {
  const contains = vi.fn(async ({ origins: asked = [] }: { origins?: string[] }) =>
    asked.every((pattern) => origins.some((origin) => pattern === `${origin}/*`)),
  );
  Object.assign(fakeBrowser, { permissions: { contains } });
  return contains;
}

beforeEach(() => fakeBrowser.reset());

describe('grantedForCaptureOnly', () => {
  it.each([
    ['https://support.onelogin.com', true],
    ['https://acme.onelogin.com', true],
    ['https://onelogin.com', true],
    ['https://support.onelogin.jp', false],
    ['https://help.acme.example', false],
    ['https://onelogin.com.evil.example', false],
    ['https://notonelogin.com', false],
    ['http://support.onelogin.com', false],
    ['not a url', false],
  ])('%s: %s', (origin, expected) => {
    expect(grantedForCaptureOnly(origin)).toBe(expected);
  });
});

describe('helpCenterAccess', () => {
  it.each<[string, string, string[], string[], HelpCenterAccess]>([
    [
      'Pentio’s help center (in the manifest for filling)',
      'https://support.onelogin.jp',
      ['https://support.onelogin.jp'],
      [],
      'allowed',
    ],
    [
      'another origin the user granted in the browser',
      'https://help.acme.example',
      ['https://help.acme.example'],
      [],
      'allowed',
    ],
    ['another origin not granted', 'https://help.acme.example', [], [], 'permission-missing'],
    [
      'a OneLogin host, granted for capture, not consented',
      'https://support.onelogin.com',
      ['https://support.onelogin.com'],
      [],
      'consent-missing',
    ],
    [
      'a OneLogin host, consented for another OneLogin host only',
      'https://support.onelogin.com',
      ['https://support.onelogin.com'],
      ['https://acme.onelogin.com'],
      'consent-missing',
    ],
    [
      'a OneLogin host, granted and consented',
      'https://support.onelogin.com',
      ['https://support.onelogin.com'],
      ['https://support.onelogin.com'],
      'allowed',
    ],
  ])('%s', async (_name, origin, granted, consents, expected) => {
    grant(granted);
    await helpCenterConsentsItem.setValue(consents);
    await expect(helpCenterAccess(origin)).resolves.toBe(expected);
  });
});

describe('the stored consents', () => {
  it.each<[string, unknown, string[]]>([
    ['nothing stored', undefined, []],
    ['a damaged value', 'https://support.onelogin.com', []],
    ['an http origin among them', ['http://support.onelogin.com'], []],
    ['a good list', ['https://support.onelogin.com'], ['https://support.onelogin.com']],
  ])('%s reads as %j', async (_name, stored, expected) => {
    if (stored !== undefined) await helpCenterConsentsItem.setValue(stored);
    await expect(readHelpCenterConsents()).resolves.toEqual(expected);
  });

  it('records an origin once', async () => {
    await recordHelpCenterConsent('https://support.onelogin.com');
    await recordHelpCenterConsent('https://support.onelogin.com');
    await expect(readHelpCenterConsents()).resolves.toEqual(['https://support.onelogin.com']);
  });
});

describe('fillDraft', () => {
  it.each<[string, string[], string]>([
    ['a OneLogin help center not consented', ['https://support.onelogin.com'], 'consent-missing'],
    ['a help center without permission', [], 'permission-missing'],
  ])('refuses %s before a tab opens', async (_name, granted, code) => {
    grant(granted);
    await settingsItem.setValue({
      ...defaultSettings,
      helpCenterUrl: 'https://support.onelogin.com/hc/ja/requests/new',
    });
    await writeDraft(makeDraft({ id: 'd1' }));
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await expect(fillDraft('d1')).rejects.toMatchObject({ code, detail: 'https://support.onelogin.com' });
    expect(create).not.toHaveBeenCalled();
  });
});
