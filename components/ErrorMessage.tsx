import type { ErrorShape } from '@/lib/errors';
import type { Translate } from '@/lib/i18n';

/** A failure in the user's language; `detail` fills whichever parameter the message has. */
export function errorText(error: ErrorShape, t: Translate): string {
  return t(`error.${error.code}`, { detail: error.detail, origin: error.detail });
}

export function ErrorMessage({ error, t, testId }: { error: ErrorShape; t: Translate; testId?: string }) {
  return (
    <p className="error-message" role="alert" data-testid={testId} data-code={error.code}>
      {errorText(error, t)}
    </p>
  );
}
