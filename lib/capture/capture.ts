import type { Capture, PageSnapshot, Redaction } from '../schema';
import { redactText, redactUrl } from './redact';

/** Turns what the collector read into a Capture with every text redacted: nothing unmasked is ever stored. */
export function buildCapture(snapshot: PageSnapshot, id: string, capturedAt: string): Capture {
  const redactions: Redaction[] = [];
  const clean = (result: { text: string; redactions: Redaction[] }) => {
    redactions.push(...result.redactions);
    return result.text;
  };
  return {
    id,
    url: clean(redactUrl(snapshot.url)),
    title: clean(redactText(snapshot.title, 'title')),
    heading: clean(redactText(snapshot.heading, 'heading')),
    capturedAt,
    errors: snapshot.errors.map((error) => ({
      ...error,
      text: clean(redactText(error.text, 'error')),
      ...(error.field === undefined ? {} : { field: clean(redactText(error.field, 'error')) }),
    })),
    viewport: snapshot.viewport,
    redactions,
  };
}
