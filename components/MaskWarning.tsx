import { isMessageKey, type Translate } from '@/lib/i18n';
import type { Capture } from '@/lib/schema';

/**
 * Said in the popup above the draft, before the fill: some masks were painted
 * where their secret was measured but could not be confirmed there right
 * after the screenshot (the element moved, left the page, or something was
 * drawn over it; lib/capture/mask-measure.ts). The user should look at the
 * screenshot before it leaves with the ticket (issue 15: "a capture where a
 * mask could not be verified says so in the popup before the fill").
 */
export function MaskWarning({ capture, t }: { capture: Capture | undefined; t: Translate }) {
  const unverified = capture?.unverifiedMasks ?? [];
  if (unverified.length === 0) return null;
  const rules = [
    ...new Set(
      unverified.map(({ rule }) => {
        const key = `redaction.${rule}`;
        return isMessageKey(key) ? t(key) : rule;
      }),
    ),
  ];
  return (
    <p className="warning-text" role="alert" data-testid="mask-unverified" data-count={unverified.length}>
      {t('capture.maskUnverified', { count: unverified.length, rules: rules.join('、') })}
    </p>
  );
}
