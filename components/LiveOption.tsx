import { isCategoryKey, categoryLabelKey, categoryTerms } from '@/lib/draft/categories';
import { matchOption } from '@/lib/helpcenter/fields';
import { connectorTerms, otherCategoryTerms } from '@/lib/helpcenter/labels';
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
  // The filler's own fallback (lib/helpcenter/classic.ts, react.ts): the form's その他, said so here first.
  const other =
    !match && field === 'category' && isCategoryKey(value)
      ? matchOption(options.category, otherCategoryTerms)
      : undefined;
  if (other && isCategoryKey(value))
    return (
      <p
        className="hint warning-text"
        data-testid={`${field}-live-option`}
        data-value={other.value}
        data-other
      >
        {t('liveOption.other', { category: t(categoryLabelKey(value)), label: other.label })}
      </p>
    );
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
