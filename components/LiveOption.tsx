import { isCategoryKey, categoryTerms } from '@/lib/draft/categories';
import { matchOption } from '@/lib/helpcenter/fields';
import { connectorTerms } from '@/lib/helpcenter/labels';
import type { Translate } from '@/lib/i18n';
import type { ConnectorRequest, LiveFormOptions } from '@/lib/schema';

/**
 * What the chosen value will be in the help center's own form, by the
 * option names the form offered when it was last filled: the filler picks
 * that option, or the user must pick one there when none matches.
 */
export function LiveOption({
  field,
  value,
  options,
  t,
}: {
  field: 'category' | 'connector';
  value: string;
  options: LiveFormOptions | undefined;
  t: Translate;
}) {
  if (!options || value === '') return null;
  const terms =
    field === 'category'
      ? isCategoryKey(value)
        ? categoryTerms(value)
        : []
      : connectorTerms[value as ConnectorRequest];
  const match = matchOption(options[field], terms);
  return match ? (
    <p className="hint" data-testid={`${field}-live-option`} data-value={match.value}>
      {t('liveOption.match', { label: match.label })}
    </p>
  ) : (
    <p className="hint warning-text" data-testid={`${field}-live-option`} data-value="">
      {t('liveOption.none', { count: options[field].length })}
    </p>
  );
}
