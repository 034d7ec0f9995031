/**
 * Shared scoring for the category scenario tables (issue 16, items 4 and 5):
 * a page as the capture saw it (URL, title, heading, breadcrumb, active tab,
 * errors, the app's connector) and the admin's summary, against the category
 * a support engineer would pick from HelpDraft's topics (lib/draft/categories.ts).
 */
import type { CategoryKey } from '@/lib/draft/categories';
import { suggestCategory } from '@/lib/draft/suggest';
import type { CategoryEvidence } from '@/lib/draft/understand/category';
import type { InquiryType } from '@/lib/schema';

export const consoleUrl = 'https://acme.onelogin.com';

export interface CategoryRow {
  name: string;
  url: string;
  title?: string;
  heading?: string;
  breadcrumb?: string[];
  activeTab?: string;
  errors?: string[];
  connector?: string;
  summary?: string;
  inquiryType?: InquiryType;
  category: CategoryKey;
}

export function evidenceOf(row: CategoryRow): CategoryEvidence {
  return {
    url: row.url,
    title: row.title ?? '',
    heading: row.heading ?? '',
    errors: (row.errors ?? []).map((text) => ({ kind: 'alert' as const, text })),
    entities: row.connector ? [{ kind: 'connector', name: row.connector }] : [],
    ...(row.breadcrumb || row.activeTab
      ? { context: { breadcrumb: row.breadcrumb ?? [], activeTab: row.activeTab ?? '' } }
      : {}),
  };
}

export function categoryOf(row: CategoryRow): CategoryKey | '' {
  const answers = {
    inquiryType: row.inquiryType ?? 'troubleshooting',
    impact: 'minor' as const,
    summary: row.summary ?? '',
  };
  return suggestCategory(evidenceOf(row), answers).category;
}

/** Share of rows whose category is right. */
export function categoryAccuracy(rows: CategoryRow[]): number {
  return rows.filter((row) => categoryOf(row) === row.category).length / rows.length;
}
