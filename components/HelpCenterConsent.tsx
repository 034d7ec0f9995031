import type { Translate } from '@/lib/i18n';

/**
 * The settings page's own question before a help center under *.onelogin.com is saved: the
 * browser would not ask, because HelpDraft holds that host's permission for capture
 * (lib/help-center-consent.ts). Only the button allows; saving anything else drops the question.
 */
export function HelpCenterConsent({
  origin,
  t,
  onAllow,
}: {
  origin: string;
  t: Translate;
  onAllow: () => void;
}) {
  return (
    <div className="consent" role="alert" data-testid="settings-consent" data-origin={origin}>
      <p>{t('options.consentQuestion', { origin })}</p>
      <button type="button" className="primary" data-testid="settings-consent-allow" onClick={onAllow}>
        {t('options.consentAllow')}
      </button>
    </div>
  );
}
