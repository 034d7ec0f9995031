/**
 * The ticket-form choice on a classic form with several ticket forms: a
 * hidden `select[name="request[ticket_form_id]"]` (+ nesty) whose choice
 * reloads the page as `?ticket_form_id=N` (helpcenter-form.md). It must come
 * first: whatever was filled before the reload is lost. The filler does not
 * navigate itself (its result would be lost with the page); it hands the URL
 * to the background, which loads it in the same tab and runs the filler
 * again there.
 */
import { matchOption } from './fields';
import { ticketFormTerms } from './labels';

export type TicketFormDecision =
  { action: 'keep'; label: string } | { action: 'reload'; url: string; label: string };

export function decideTicketForm(document: Document, form: HTMLFormElement): TicketFormDecision {
  const select = form.querySelector<HTMLSelectElement>('select[name="request[ticket_form_id]"]');
  if (!select) return { action: 'keep', label: '' };
  const current = select.selectedOptions[0];
  const label = select.value ? (current?.textContent?.trim() ?? '') : '';
  const url = new URL(document.location.href);
  // Chosen already: by the configured URL, by the user, or by our own reload (which also stops any loop).
  if (url.searchParams.has('ticket_form_id')) return { action: 'keep', label };
  const options = [...select.options].map((option) => ({
    label: option.textContent?.trim() ?? '',
    value: option.value,
  }));
  const wanted = matchOption(options, ticketFormTerms);
  if (!wanted || wanted.value === select.value) return { action: 'keep', label };
  url.searchParams.set('ticket_form_id', wanted.value);
  return { action: 'reload', url: url.href, label: wanted.label };
}
