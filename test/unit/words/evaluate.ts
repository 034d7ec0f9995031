/**
 * Shared scoring for the summary tables (issue 16, item 5): each row is a
 * phrasing and what the help center's rules (shared/seed/, SPEC.md) make of
 * it; the reader's answers go through the same priority rule as the popup.
 */
import { readWords } from '@/lib/draft/understand/read-words';
import { suggestPriority } from '@/lib/draft/suggest';
import type { ConnectorRequest, Impact, InquiryType, Priority } from '@/lib/schema';

export type WordsRow = [
  summary: string,
  inquiryType: InquiryType,
  impact: Impact,
  priority: Priority,
  connector: ConnectorRequest,
];

export interface WordsResult {
  inquiryType: InquiryType;
  impact: Impact;
  priority: Priority;
  connector: ConnectorRequest;
}

/** The answers the popup would pre-select on a page showing an error (troubleshooting, minor by default). */
export function evaluateSummary(summary: string): WordsResult {
  const reading = readWords(summary);
  const inquiryType = reading.inquiryType?.value ?? 'troubleshooting';
  const impact = reading.impact?.value ?? 'minor';
  return {
    inquiryType,
    impact,
    priority: suggestPriority({ inquiryType, impact }).priority,
    connector: reading.connector?.value ?? '',
  };
}

/** Share of rows whose field is right, per field. */
export function accuracy(rows: WordsRow[]): Record<keyof WordsResult, number> {
  const right = { inquiryType: 0, impact: 0, priority: 0, connector: 0 };
  for (const [summary, inquiryType, impact, priority, connector] of rows) {
    const result = evaluateSummary(summary);
    if (result.inquiryType === inquiryType) right.inquiryType += 1;
    // Who is affected only matters (and is only asked) for a troubleshooting.
    if (inquiryType !== 'troubleshooting' || result.impact === impact) right.impact += 1;
    if (result.priority === priority) right.priority += 1;
    if (result.connector === connector) right.connector += 1;
  }
  const share = (count: number) => count / rows.length;
  return {
    inquiryType: share(right.inquiryType),
    impact: share(right.impact),
    priority: share(right.priority),
    connector: share(right.connector),
  };
}
