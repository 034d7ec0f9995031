/**
 * The held-out evaluation (issue 16, item 5): run only at the end, never
 * while tuning, so its figures say how the rules do on wordings and pages
 * they were not fitted to. Prints both splits side by side.
 *
 *   npx tsx test/eval/held-out.ts
 */
import { categoryAccuracy } from '../unit/category/evaluate';
import { holdoutCategoryRows } from '../unit/category/holdout-rows';
import { tunedCategoryRows } from '../unit/category/tuned-rows';
import { accuracy, evaluateSummary } from '../unit/words/evaluate';
import { holdoutRows } from '../unit/words/holdout-rows';
import { tunedRows } from '../unit/words/tuned-rows';

const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

for (const [split, words, categories] of [
  ['tuned', tunedRows, tunedCategoryRows],
  ['held-out', holdoutRows, holdoutCategoryRows],
] as const) {
  const figures = accuracy([...words]);
  console.log(
    `${split}: ${words.length} summaries — inquiry type ${percent(figures.inquiryType)}, impact ${percent(figures.impact)}, priority ${percent(figures.priority)}, connector ${percent(figures.connector)}; ${categories.length} pages — category ${percent(categoryAccuracy([...categories]))}`,
  );
}

for (const [summary, inquiryType, impact, priority, connector] of holdoutRows) {
  const result = evaluateSummary(summary);
  if (result.priority !== priority || result.connector !== connector || result.inquiryType !== inquiryType)
    console.log('  held-out miss:', summary, '→', result, 'expected', {
      inquiryType,
      impact,
      priority,
      connector,
    });
}
