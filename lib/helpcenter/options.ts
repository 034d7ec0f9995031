/**
 * The category and connector options of the live form, as the help center
 * names them today (helpcenter-form.md: the option values are not
 * published and may change, so they are read from the page). Read during a
 * fill, cached by the background, and shown in the popup.
 */
import type { LiveFormOptions } from '../schema';
import { taggerOptions } from './classic';
import { comboboxByLabel, listOptions, type Combobox } from './combobox';
import { findControlByLabel, type TaggerOption } from './fields';
import { categoryLabels, connectorLabels } from './labels';

function classicOptions(form: HTMLFormElement, labels: RegExp): TaggerOption[] {
  const control = findControlByLabel<HTMLInputElement>(form, labels, 'input[data-tagger]');
  return control ? taggerOptions(control).filter((option) => option.value !== '') : [];
}

async function reactOptions(combobox: Combobox | null, signal?: AbortSignal): Promise<TaggerOption[]> {
  if (!combobox) return [];
  return (await listOptions(combobox, { signal })).filter((option) => option.value !== '');
}

export async function readLiveOptions(
  form: HTMLFormElement,
  generation: 'classic' | 'react',
  signal?: AbortSignal,
): Promise<LiveFormOptions> {
  if (generation === 'classic') {
    return {
      category: classicOptions(form, categoryLabels),
      connector: classicOptions(form, connectorLabels),
    };
  }
  // Options exist only while a combobox is open: each is opened, read and closed again, one after another.
  const category = await reactOptions(comboboxByLabel(form, categoryLabels), signal);
  const connector = await reactOptions(comboboxByLabel(form, connectorLabels), signal);
  return { category, connector };
}
