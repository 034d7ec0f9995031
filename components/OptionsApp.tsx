import { useState, type FormEvent } from 'react';
import type { Translate } from '@/lib/i18n';
import { browser } from 'wxt/browser';
import { isLocked, userSettingsToSave, type ManagedSettingKey, type ParsedPolicy } from '@/lib/managed';
import {
  helpCenterUrlProblem,
  localeSchema,
  screenshotModeSchema,
  settingsSchema,
  type Settings,
} from '@/lib/schema';
import { HelpCenterConsent } from './HelpCenterConsent';
import { ManagedPolicyNotice } from './ManagedPolicyNotice';
import { ShortcutSetting } from './ShortcutSetting';
import { splitAddresses } from '@/lib/draft/create';
import { writeSettings } from '@/lib/storage';
import {
  grantedForCaptureOnly,
  readHelpCenterConsents,
  recordHelpCenterConsent,
} from '@/lib/help-center-consent';
import { useSettings } from './useSettings';

type Notice =
  | { kind: 'saved' }
  | { kind: 'error'; text: string }
  /** Waiting for the user to allow filling a help center under *.onelogin.com (HelpCenterConsent). */
  | { kind: 'consent'; origin: string; settings: Settings };

/**
 * Settings. Saving a help-center URL on another origin asks the browser for
 * access to that origin first (the click is the user gesture it needs);
 * refused access saves nothing. What the organisation set by policy is shown
 * with its value, marked as the organisation's, and cannot be changed here.
 */
export function OptionsApp() {
  const { settings, user, managed, loaded, t } = useSettings();
  // Kept here: saving remounts the form below, and the "saved" notice must survive it.
  const [notice, setNotice] = useState<Notice>();
  if (!loaded) return null;
  // A new form whenever the stored settings or the policy change (saved here or elsewhere).
  return (
    <SettingsForm
      key={JSON.stringify([settings, user, managed])}
      initial={settings}
      user={user}
      managed={managed}
      t={t}
      notice={notice}
      setNotice={setNotice}
    />
  );
}

interface SettingsFormProps {
  /** The settings in force: the organisation's values where it set them, the user's elsewhere. */
  initial: Settings;
  /** The user's own stored settings. */
  user: Settings;
  managed: ParsedPolicy;
  t: Translate;
  notice: Notice | undefined;
  setNotice: (notice: Notice) => void;
}

/** Which message names the first field that did not validate. */
function invalidFieldText(path: PropertyKey[], form: Settings, t: Translate): string {
  const [field, index] = path;
  if (field === 'personalEmail') return t('options.invalidEmail');
  if (field === 'maskPatterns')
    return typeof index === 'number'
      ? t('options.invalidMaskPattern', { pattern: form.maskPatterns[index] ?? '' })
      : t('options.tooManyMaskPatterns');
  return helpCenterUrlProblem(form.helpCenterUrl) === 'http'
    ? t('options.httpUrlRefused')
    : t('options.invalidUrl');
}

function SettingsForm({ initial, user, managed, t, notice, setNotice }: SettingsFormProps) {
  const [form, setForm] = useState<Settings>(initial);
  // Typed as text (commas and spaces kept while typing), stored as a list.
  const [sharedAddressesText, setSharedAddressesText] = useState(initial.sharedAddresses.join(', '));
  const [maskPatternsText, setMaskPatternsText] = useState(initial.maskPatterns.join('\n'));
  const { policy } = managed;
  const locked = (key: ManagedSettingKey) => isLocked(policy, key);
  /** The props that mark a locked control: not editable, and described by the organisation's note. */
  const lockProps = (key: ManagedSettingKey, hintId?: string) =>
    locked(key)
      ? {
          disabled: true,
          'data-locked': true,
          'aria-describedby': [hintId, 'settings-managed-note'].filter(Boolean).join(' '),
        }
      : hintId
        ? { 'aria-describedby': hintId }
        : {};

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = settingsSchema.safeParse(userSettingsToSave(form, user, policy));
    if (!parsed.success) {
      const path = parsed.error.issues[0]?.path ?? [];
      setNotice({ kind: 'error', text: t('options.invalid', { detail: invalidFieldText(path, form, t) }) });
      return;
    }
    // The organisation's help center is asked for from its own notice (ManagedPolicyNotice).
    if (!locked('helpCenterUrl')) {
      const origin = new URL(parsed.data.helpCenterUrl).origin;
      const origins = [`${origin}/*`];
      if (
        !(await browser.permissions.contains({ origins })) &&
        !(await browser.permissions.request({ origins }))
      ) {
        setNotice({ kind: 'error', text: t('options.permissionDenied', { origin }) });
        return;
      }
      // The browser granted that origin without asking (the OneLogin capture pattern): ask here.
      if (grantedForCaptureOnly(origin) && !(await readHelpCenterConsents()).includes(origin)) {
        setNotice({ kind: 'consent', origin, settings: parsed.data });
        return;
      }
    }
    await writeSettings(parsed.data);
    setNotice({ kind: 'saved' });
  };

  const allowAndSave = async (origin: string, settings: Settings) => {
    await recordHelpCenterConsent(origin);
    await writeSettings(settings);
    setNotice({ kind: 'saved' });
  };

  return (
    <main className="options">
      <h1>{t('options.title')}</h1>
      <ManagedPolicyNotice managed={managed} helpCenterUrl={form.helpCenterUrl} t={t} />
      <form onSubmit={(event) => void save(event)} noValidate>
        <div className="field">
          <label htmlFor="settings-help-center-url">
            {t('options.helpCenterUrl')}
            <LockedBadge show={locked('helpCenterUrl')} name="help-center-url" t={t} />
          </label>
          <input
            id="settings-help-center-url"
            data-testid="settings-help-center-url"
            type="url"
            value={form.helpCenterUrl}
            {...lockProps('helpCenterUrl', 'settings-help-center-url-hint')}
            onChange={(event) => setForm({ ...form, helpCenterUrl: event.target.value })}
          />
          <p id="settings-help-center-url-hint" className="hint">
            {t('options.helpCenterUrlHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor="settings-personal-email">{t('options.personalEmail')}</label>
          <input
            id="settings-personal-email"
            data-testid="settings-personal-email"
            type="email"
            value={form.personalEmail}
            aria-describedby="settings-personal-email-hint"
            onChange={(event) => setForm({ ...form, personalEmail: event.target.value.trim() })}
          />
          <p id="settings-personal-email-hint" className="hint">
            {t('options.personalEmailHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor="settings-language">
            {t('options.language')}
            <LockedBadge show={locked('language')} name="language" t={t} />
          </label>
          <select
            id="settings-language"
            data-testid="settings-language"
            value={form.language}
            {...lockProps('language')}
            onChange={(event) => setForm({ ...form, language: localeSchema.parse(event.target.value) })}
          >
            {localeSchema.options.map((locale) => (
              <option key={locale} value={locale}>
                {t(`language.${locale}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="settings-screenshot-mode">{t('options.screenshotMode')}</label>
          <select
            id="settings-screenshot-mode"
            data-testid="settings-screenshot-mode"
            value={form.screenshotMode}
            onChange={(event) =>
              setForm({ ...form, screenshotMode: screenshotModeSchema.parse(event.target.value) })
            }
          >
            {screenshotModeSchema.options.map((mode) => (
              <option key={mode} value={mode}>
                {t(`options.screenshotMode.${mode}`)}
              </option>
            ))}
          </select>
        </div>
        <CheckboxField
          name="mask-emails"
          checked={form.maskEmails}
          locked={locked('maskEmails')}
          t={t}
          label={t('options.maskEmails')}
          hint={t('options.maskEmailsHint')}
          onChange={(maskEmails) => setForm({ ...form, maskEmails })}
        />
        <CheckboxField
          name="shared-account"
          checked={form.sharedAccount}
          locked={locked('sharedAccount')}
          t={t}
          label={t('options.sharedAccount')}
          hint={t('options.sharedAccountHint')}
          onChange={(sharedAccount) => setForm({ ...form, sharedAccount })}
        />
        <div className="field">
          <label htmlFor="settings-shared-addresses">
            {t('options.sharedAddresses')}
            <LockedBadge show={locked('sharedAddresses')} name="shared-addresses" t={t} />
          </label>
          <input
            id="settings-shared-addresses"
            data-testid="settings-shared-addresses"
            type="text"
            value={sharedAddressesText}
            {...lockProps('sharedAddresses')}
            onChange={(event) => {
              setSharedAddressesText(event.target.value);
              setForm({ ...form, sharedAddresses: splitAddresses(event.target.value) });
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="settings-mask-patterns">
            {t('options.maskPatterns')}
            <LockedBadge show={locked('maskPatterns')} name="mask-patterns" t={t} />
          </label>
          <textarea
            id="settings-mask-patterns"
            data-testid="settings-mask-patterns"
            rows={3}
            spellCheck={false}
            value={maskPatternsText}
            {...lockProps('maskPatterns', 'settings-mask-patterns-hint')}
            onChange={(event) => {
              setMaskPatternsText(event.target.value);
              setForm({
                ...form,
                maskPatterns: event.target.value
                  .split('\n')
                  .map((line) => line.trim())
                  .filter(Boolean),
              });
            }}
          />
          <p id="settings-mask-patterns-hint" className="hint">
            {t('options.maskPatternsHint')}
          </p>
        </div>
        <ShortcutSetting t={t} />
        <div className="actions">
          <button type="submit" className="primary" data-testid="settings-save">
            {t('options.save')}
          </button>
        </div>
        {notice?.kind === 'consent' ? (
          <HelpCenterConsent
            origin={notice.origin}
            t={t}
            onAllow={() => void allowAndSave(notice.origin, notice.settings)}
          />
        ) : notice ? (
          <p
            role={notice.kind === 'error' ? 'alert' : 'status'}
            className={notice.kind === 'error' ? 'error-message' : 'status'}
            data-testid="settings-notice"
          >
            {notice.kind === 'saved' ? t('options.saved') : notice.text}
          </p>
        ) : null}
      </form>
    </main>
  );
}

/** Marks a setting the organisation set: shown in its label, so it is read with the field's name. */
function LockedBadge({ show, name, t }: { show: boolean; name: string; t: Translate }) {
  if (!show) return null;
  return (
    <span className="badge locked" data-testid={`settings-${name}-locked`}>
      {t('options.lockedBadge')}
    </span>
  );
}

interface CheckboxFieldProps {
  /** Becomes the id `settings-<name>` and the test id. */
  name: string;
  checked: boolean;
  label: string;
  hint: string;
  /** Set by the organisation: shown, not editable. */
  locked?: boolean;
  t: Translate;
  onChange: (checked: boolean) => void;
}

function CheckboxField({ name, checked, label, hint, locked = false, t, onChange }: CheckboxFieldProps) {
  const id = `settings-${name}`;
  return (
    <div className="field checkbox">
      <input
        id={id}
        data-testid={id}
        type="checkbox"
        checked={checked}
        disabled={locked}
        data-locked={locked || undefined}
        aria-describedby={locked ? `${id}-hint settings-managed-note` : `${id}-hint`}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>
        {label}
        <LockedBadge show={locked} name={name} t={t} />
      </label>
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
    </div>
  );
}
