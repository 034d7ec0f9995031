import { useState, type FormEvent } from 'react';
import type { Translate } from '@/lib/i18n';
import { browser } from 'wxt/browser';
import { localeSchema, screenshotModeSchema, settingsSchema, type Settings } from '@/lib/schema';
import { ShortcutSetting } from './ShortcutSetting';
import { splitAddresses } from '@/lib/draft/create';
import { writeSettings } from '@/lib/storage';
import { useSettings } from './useSettings';

type Notice = { kind: 'saved' } | { kind: 'error'; text: string };

/**
 * Settings. Saving a help-center URL on another origin asks the browser for
 * access to that origin first (the click is the user gesture it needs);
 * refused access saves nothing.
 */
export function OptionsApp() {
  const { settings, loaded, t } = useSettings();
  // Kept here: saving remounts the form below, and the "saved" notice must survive it.
  const [notice, setNotice] = useState<Notice>();
  if (!loaded) return null;
  // A new form whenever the stored settings change (saved here or elsewhere).
  return (
    <SettingsForm
      key={JSON.stringify(settings)}
      initial={settings}
      t={t}
      notice={notice}
      setNotice={setNotice}
    />
  );
}

interface SettingsFormProps {
  initial: Settings;
  t: Translate;
  notice: Notice | undefined;
  setNotice: (notice: Notice) => void;
}

function SettingsForm({ initial, t, notice, setNotice }: SettingsFormProps) {
  const [form, setForm] = useState<Settings>(initial);
  // Typed as text (commas and spaces kept while typing), stored as a list.
  const [sharedAddressesText, setSharedAddressesText] = useState(initial.sharedAddresses.join(', '));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = settingsSchema.safeParse(form);
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path[0];
      setNotice({
        kind: 'error',
        text: t('options.invalid', {
          detail: field === 'personalEmail' ? t('options.invalidEmail') : t('options.invalidUrl'),
        }),
      });
      return;
    }
    const origin = new URL(parsed.data.helpCenterUrl).origin;
    const origins = [`${origin}/*`];
    if (
      !(await browser.permissions.contains({ origins })) &&
      !(await browser.permissions.request({ origins }))
    ) {
      setNotice({ kind: 'error', text: t('options.permissionDenied', { origin }) });
      return;
    }
    await writeSettings(parsed.data);
    setNotice({ kind: 'saved' });
  };

  return (
    <main className="options">
      <h1>{t('options.title')}</h1>
      <form onSubmit={(event) => void save(event)} noValidate>
        <div className="field">
          <label htmlFor="settings-help-center-url">{t('options.helpCenterUrl')}</label>
          <input
            id="settings-help-center-url"
            data-testid="settings-help-center-url"
            type="url"
            value={form.helpCenterUrl}
            aria-describedby="settings-help-center-url-hint"
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
          <label htmlFor="settings-language">{t('options.language')}</label>
          <select
            id="settings-language"
            data-testid="settings-language"
            value={form.language}
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
          label={t('options.maskEmails')}
          hint={t('options.maskEmailsHint')}
          onChange={(maskEmails) => setForm({ ...form, maskEmails })}
        />
        <CheckboxField
          name="shared-account"
          checked={form.sharedAccount}
          label={t('options.sharedAccount')}
          hint={t('options.sharedAccountHint')}
          onChange={(sharedAccount) => setForm({ ...form, sharedAccount })}
        />
        <div className="field">
          <label htmlFor="settings-shared-addresses">{t('options.sharedAddresses')}</label>
          <input
            id="settings-shared-addresses"
            data-testid="settings-shared-addresses"
            type="text"
            value={sharedAddressesText}
            onChange={(event) => {
              setSharedAddressesText(event.target.value);
              setForm({ ...form, sharedAddresses: splitAddresses(event.target.value) });
            }}
          />
        </div>
        <ShortcutSetting t={t} />
        <div className="actions">
          <button type="submit" className="primary" data-testid="settings-save">
            {t('options.save')}
          </button>
        </div>
        {notice ? (
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

interface CheckboxFieldProps {
  /** Becomes the id `settings-<name>` and the test id. */
  name: string;
  checked: boolean;
  label: string;
  hint: string;
  onChange: (checked: boolean) => void;
}

function CheckboxField({ name, checked, label, hint, onChange }: CheckboxFieldProps) {
  const id = `settings-${name}`;
  return (
    <div className="field checkbox">
      <input
        id={id}
        data-testid={id}
        type="checkbox"
        checked={checked}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
    </div>
  );
}
