/**
 * The popup's edits on their way to the background. Each edit is sent at
 * once (a popup can close at any moment); one that fails — Chromium stops
 * an idle service worker and rejects the messages waiting for it with
 * "Receiving end does not exist" — is kept and sent again, unless a later
 * send already carries a newer value of the same field (edits hold whole
 * field values, so sending one again is safe, and sending an older one
 * after a newer one would not be).
 */
import type { DraftEdit } from '../schema';

const answerKeys = ['inquiryType', 'impact', 'summary'] as const;
const fieldKeys = ['title', 'description', 'priority', 'category', 'cc', 'connector'] as const;

type FieldKey = (typeof fieldKeys)[number] | `answers.${(typeof answerKeys)[number]}`;
type FlatEdit = Partial<Record<FieldKey, string>>;

function flatten(edit: DraftEdit): FlatEdit {
  const flat: FlatEdit = {};
  for (const key of fieldKeys) if (edit[key] !== undefined) flat[key] = edit[key];
  for (const key of answerKeys) {
    const value = edit.answers?.[key];
    if (value !== undefined) flat[`answers.${key}`] = value;
  }
  return flat;
}

function unflatten(flat: FlatEdit): DraftEdit {
  const edit: Record<string, unknown> = {};
  const answers: Record<string, string> = {};
  for (const [key, value] of Object.entries(flat)) {
    if (key.startsWith('answers.')) answers[key.slice('answers.'.length)] = value;
    else edit[key] = value;
  }
  if (Object.keys(answers).length > 0) edit.answers = answers;
  // The values came from DraftEdits field by field; their types are those of the fields.
  return edit as DraftEdit;
}

export interface Outgoing {
  sequence: number;
  edit: DraftEdit;
}

export class EditOutbox {
  private nextSequence = 1;
  /** For each field, the sequence number of the last send that carried it. */
  private readonly lastSentIn = new Map<FieldKey, number>();
  private unsaved: FlatEdit = {};

  /** The edit to send now: this change, with every value still unsaved underneath it. */
  send(change: DraftEdit): Outgoing {
    const flat = { ...this.unsaved, ...flatten(change) };
    this.unsaved = {};
    const sequence = this.nextSequence++;
    for (const key of Object.keys(flat) as FieldKey[]) this.lastSentIn.set(key, sequence);
    return { sequence, edit: unflatten(flat) };
  }

  /** A send failed: its values that no later send carries wait to be sent again. */
  failed({ sequence, edit }: Outgoing): void {
    const flat = flatten(edit);
    for (const key of Object.keys(flat) as FieldKey[]) {
      if (this.lastSentIn.get(key) === sequence && this.unsaved[key] === undefined)
        this.unsaved[key] = flat[key];
    }
  }

  /**
   * The fields a send after `sequence` carried: an answer to that send must
   * not overwrite them in the view (the user changed them since).
   */
  sentAfter(sequence: number): Set<string> {
    return new Set([...this.lastSentIn].filter(([, last]) => last > sequence).map(([key]) => key));
  }

  /** The values to send again, or undefined when nothing waits. */
  pending(): DraftEdit | undefined {
    return Object.keys(this.unsaved).length > 0 ? unflatten(this.unsaved) : undefined;
  }
}
