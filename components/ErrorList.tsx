import type { Translate } from '@/lib/i18n';
import type { PageError } from '@/lib/schema';

export function ErrorList({ errors, t }: { errors: PageError[]; t: Translate }) {
  return (
    <section className="block" aria-labelledby="errors-heading">
      <h2 id="errors-heading">{t('field.errors')}</h2>
      {errors.length === 0 ? (
        <p className="muted">{t('field.noErrors')}</p>
      ) : (
        <ul className="errors">
          {errors.map((error, index) => (
            <li key={index} data-testid="error-item" data-kind={error.kind}>
              <span className="badge">{t(`errorKind.${error.kind}`)}</span>
              {error.vanishedSecondsAgo === undefined ? null : (
                <span className="badge" data-testid="error-vanished">
                  {t('errorKind.vanished', { seconds: error.vanishedSecondsAgo })}
                </span>
              )}
              {error.field ? <span className="error-field">{error.field}: </span> : null}
              <span className="error-text">{error.text}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
