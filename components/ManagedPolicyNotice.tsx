import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { Translate } from '@/lib/i18n';
import {
  grantedForCaptureOnly,
  helpCenterAccess,
  recordHelpCenterConsent,
  type HelpCenterAccess,
} from '@/lib/help-center-consent';
import { featuresOf, isLocked, type ParsedPolicy } from '@/lib/managed';

/**
 * What the organisation set by policy, at the top of the settings page: that
 * marked settings are its own, which features it switched off, which of its
 * values HelpDraft could not use, and — for a help center of its choosing —
 * the button that asks the browser for access (a policy cannot grant it;
 * the browser wants the user's click).
 */
export function ManagedPolicyNotice({
  managed,
  helpCenterUrl,
  t,
}: {
  managed: ParsedPolicy;
  helpCenterUrl: string;
  t: Translate;
}) {
  const { policy, invalid, refusedMaskPatterns } = managed;
  const urlLocked = isLocked(policy, 'helpCenterUrl');
  const origin = urlLocked ? new URL(helpCenterUrl).origin : '';
  // undefined until the browser has answered. A help center under *.onelogin.com needs the
  // user's consent besides the permission, which HelpDraft holds for capture (lib/help-center-consent.ts).
  const [access, setAccess] = useState<HelpCenterAccess>();
  useEffect(() => {
    if (!origin) return;
    let current = true;
    void helpCenterAccess(origin).then((answer) => {
      if (current) setAccess(answer);
    });
    return () => {
      current = false;
    };
  }, [origin]);
  /** Asks the browser (no prompt when it already granted the origin), then records the consent. */
  const allow = async () => {
    const granted = await browser.permissions.request({ origins: [`${origin}/*`] }).catch(() => false);
    if (granted && grantedForCaptureOnly(origin)) await recordHelpCenterConsent(origin);
    setAccess(await helpCenterAccess(origin));
  };

  if (Object.keys(policy).length === 0 && invalid.length === 0 && refusedMaskPatterns.length === 0)
    return null;
  const features = featuresOf(policy);
  return (
    <section
      className="block managed"
      aria-labelledby="settings-managed-heading"
      data-testid="settings-managed"
    >
      <h2 id="settings-managed-heading">{t('managed.heading')}</h2>
      <p id="settings-managed-note" data-testid="settings-managed-note">
        {t('managed.note')}
      </p>
      {!features.export ? (
        <p data-testid="settings-managed-feature" data-feature="export">
          {t('managed.exportDisabled')}
        </p>
      ) : null}
      {!features.articleSearch ? (
        <p data-testid="settings-managed-feature" data-feature="article-search">
          {t('managed.articleSearchDisabled')}
        </p>
      ) : null}
      {invalid.length > 0 ? (
        <p className="error-message" data-testid="settings-managed-invalid">
          {t('managed.invalid', { keys: invalid.join(', ') })}
        </p>
      ) : null}
      {refusedMaskPatterns.length > 0 ? (
        <p className="error-message" data-testid="settings-managed-refused-patterns">
          {t('managed.refusedMaskPatterns', { patterns: refusedMaskPatterns.join(' ') })}
        </p>
      ) : null}
      {urlLocked && (access === 'permission-missing' || access === 'consent-missing') ? (
        <p>
          {access === 'permission-missing'
            ? t('managed.permissionMissing', { origin })
            : t('managed.consentMissing', { origin })}{' '}
          <button
            type="button"
            data-testid="settings-grant-help-center"
            data-reason={access}
            onClick={() => void allow()}
          >
            {access === 'permission-missing' ? t('managed.grant') : t('managed.consentAllow')}
          </button>
        </p>
      ) : null}
    </section>
  );
}
