/**
 * The user's consent to fill a help center whose host permission HelpDraft already holds for
 * another purpose. The manifest grants `https://*.onelogin.com/*` so the recorder and the
 * collector can read OneLogin's console (wxt.config.ts); a help-center URL under that pattern
 * would therefore be filled without the browser ever asking, since `permissions.request` grants
 * an origin the manifest already has without a prompt. Issue 15, item 5: "a help-center origin
 * under *.onelogin.com still asks the user before it is filled (the OneLogin host permission is
 * for capture, not for filling)". For such an origin the settings page asks itself and records
 * the answer here; every other origin's consent is the browser's own permission prompt.
 */
import { z } from 'zod';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';

/** Origins the user allowed to be filled, beyond what their host permission says. */
export const helpCenterConsentsItem = storage.defineItem<unknown>('local:helpCenterConsents', {
  fallback: [],
});

const consentsSchema = z.array(z.url({ protocol: /^https$/ }));

/**
 * Whether the origin's host permission comes from the capture pattern `https://*.onelogin.com/*`
 * (which also matches the bare domain: https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns).
 */
export function grantedForCaptureOnly(origin: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return (
    url.protocol === 'https:' && (url.hostname === 'onelogin.com' || url.hostname.endsWith('.onelogin.com'))
  );
}

/** The stored consents; a damaged value reads as none (the user is asked again, nothing is filled unasked). */
export async function readHelpCenterConsents(): Promise<string[]> {
  const parsed = consentsSchema.safeParse(await helpCenterConsentsItem.getValue());
  return parsed.success ? parsed.data : [];
}

export async function recordHelpCenterConsent(origin: string): Promise<void> {
  const consents = await readHelpCenterConsents();
  if (!consents.includes(origin)) await helpCenterConsentsItem.setValue([...consents, origin]);
}

export type HelpCenterAccess = 'allowed' | 'permission-missing' | 'consent-missing';

/** What stands between a fill and the origin: the browser's permission, then (capture hosts) the user's consent. */
export async function helpCenterAccess(origin: string): Promise<HelpCenterAccess> {
  if (!(await browser.permissions.contains({ origins: [`${origin}/*`] }))) return 'permission-missing';
  if (grantedForCaptureOnly(origin) && !(await readHelpCenterConsents()).includes(origin))
    return 'consent-missing';
  return 'allowed';
}
