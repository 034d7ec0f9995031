import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { messages, translate } from '@/lib/i18n';
import { ja } from '@/lib/i18n/ja';

const root = path.resolve(import.meta.dirname, '../..');

describe('locale files', () => {
  it.each(Object.keys(messages))('%s has exactly the keys of ja', (locale) => {
    expect(Object.keys(messages[locale as keyof typeof messages]).sort()).toEqual(Object.keys(ja).sort());
  });

  it.each(Object.keys(messages))('%s fills the same parameters as ja in every message', (locale) => {
    const parameters = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const [key, text] of Object.entries(ja)) {
      expect(parameters(messages[locale as keyof typeof messages][key as keyof typeof ja]), key).toEqual(
        parameters(text),
      );
    }
  });

  it.each(['ja', 'en'])('the manifest strings exist in public/_locales/%s', (locale) => {
    const manifestMessages = JSON.parse(
      readFileSync(path.join(root, `public/_locales/${locale}/messages.json`), 'utf8'),
    );
    expect(Object.keys(manifestMessages).sort()).toEqual([
      'actionTitle',
      'extensionDescription',
      'extensionName',
    ]);
  });
});

describe('translate', () => {
  it.each([
    ['ja', 'field.titleLength', { count: 12 }, '12 / 150 文字'],
    ['en', 'field.titleLength', { count: 12 }, '12 / 150 characters'],
    ['ja', 'priority.urgent', {}, '緊急'],
    [
      'en',
      'error.permission-missing',
      { origin: 'https://x.example' },
      expect.stringContaining('(https://x.example)'),
    ],
  ] as const)('%s %s', (locale, key, params, expected) => {
    expect(translate(locale, key, params)).toEqual(expected);
  });

  it('leaves an unknown parameter visible rather than dropping text', () => {
    expect(translate('ja', 'field.titleLength')).toBe('{count} / 150 文字');
  });
});

/**
 * Every visible string comes from the locale files: JSX text and
 * user-facing attributes in components hold no literal words.
 */
describe('components hold no hard-coded user-facing text', () => {
  const folders = ['components', 'entrypoints/popup', 'entrypoints/options'];
  const files = folders.flatMap((folder) =>
    readdirSync(path.join(root, folder))
      .filter((name) => name.endsWith('.tsx'))
      .map((name) => path.join(folder, name)),
  );

  it.each(files)('%s', (file) => {
    const source = readFileSync(path.join(root, file), 'utf8');
    // `(?<!=)`: an arrow's `=>` opens no JSX text.
    const jsxText = [...source.matchAll(/(?<!=)>([^<>{}]*[\p{L}][^<>{}]*)</gu)]
      .map((match) => match[1]!.trim())
      // Between a generic's `>` and the next `<`, or a JSX ternary's branches, lies TypeScript
      // (statements end in `;`, ternaries read `) : cond ? (`), not JSX text.
      .filter((text) => text && !/;|\)\s*:|\?\s*\(/.test(text));
    const attributes = [...source.matchAll(/\b(alt|title|placeholder|aria-label)="([^"]*\p{L}[^"]*)"/gu)].map(
      (match) => match[0],
    );
    expect([...jsxText, ...attributes]).toEqual([]);
  });

  // The same, read from the syntax tree: also text in `{'…'}`, in a ternary's branch, in a
  // template literal, and in attributes given as expressions (`aria-label={`…`}`).
  it.each(files)('%s, read as a syntax tree', (file) => {
    expect(hardCodedText(file, readFileSync(path.join(root, file), 'utf8'))).toEqual([]);
  });

  it('the syntax-tree check finds literal words wherever JSX shows them', () => {
    const source = `const view = (
      <section aria-label={'Attachments'} title={\`Open \${name}\`} data-state="open">
        Drafts
        {busy ? 'Adding…' : t('attachment.add')}
        {t(ok ? 'popup.saved' : 'popup.loading')}
        <Field label="件名" hint={t('field.titleHint')} className="wide" />
        {\`\${width}×\${height} @\${ratio}x\`}
      </section>
    );`;
    expect(hardCodedText('example.tsx', source)).toEqual([
      'Attachments',
      'Open ',
      'Drafts',
      'Adding…',
      '件名',
    ]);
  });
});

/** A word in any language: two letters in a row, or one Japanese character (`1x`, `px` units aside). */
const word = /\p{L}{2}|[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

/** Attributes and component props whose value a user sees or hears. */
const userFacingAttributes = new Set([
  'alt',
  'title',
  'placeholder',
  'label',
  'hint',
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-placeholder',
  'aria-valuetext',
]);

/** The string literals an expression shows as they are: not the keys handed to `t`, not comparisons. */
function shownLiterals(expression: ts.Expression): string[] {
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression))
    return [expression.text];
  if (ts.isTemplateExpression(expression))
    return [
      expression.head.text,
      ...expression.templateSpans.flatMap((span) => [...shownLiterals(span.expression), span.literal.text]),
    ];
  if (ts.isParenthesizedExpression(expression) || ts.isAsExpression(expression))
    return shownLiterals(expression.expression);
  if (ts.isConditionalExpression(expression))
    return [...shownLiterals(expression.whenTrue), ...shownLiterals(expression.whenFalse)];
  if (ts.isBinaryExpression(expression)) {
    const operator = expression.operatorToken.kind;
    if (operator === ts.SyntaxKind.AmpersandAmpersandToken) return shownLiterals(expression.right);
    if (
      operator === ts.SyntaxKind.PlusToken ||
      operator === ts.SyntaxKind.BarBarToken ||
      operator === ts.SyntaxKind.QuestionQuestionToken
    )
      return [...shownLiterals(expression.left), ...shownLiterals(expression.right)];
  }
  if (ts.isArrayLiteralExpression(expression)) return expression.elements.flatMap(shownLiterals);
  return [];
}

/** Literal words a TSX file shows: JSX text, literal children, user-facing attributes. */
function hardCodedText(file: string, source: string): string[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) found.push(node.text.trim());
    else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent))
      found.push(...shownLiterals(node.expression));
    else if (ts.isJsxAttribute(node) && userFacingAttributes.has(node.name.getText(sourceFile))) {
      const value = node.initializer;
      if (value && ts.isStringLiteral(value)) found.push(value.text);
      else if (value && ts.isJsxExpression(value) && value.expression)
        found.push(...shownLiterals(value.expression));
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found.filter((text) => word.test(text));
}
