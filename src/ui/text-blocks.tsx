/** @jsxImportSource hono/jsx */
/**
 * Plain text written by an SWV or a school (help texts, intros, welcome panels) as HTML that keeps
 * its shape: a blank line starts a new paragraph, a single line break stays a line break, and lines
 * that start with "- " (or "* ", "• ") become a bulleted list. Text only — no markup is interpreted.
 */
import type { Child } from 'hono/jsx';

export type TextBlock = { kind: 'lines'; lines: string[] } | { kind: 'list'; items: string[] };

const BULLET = /^\s*[-*•]\s+/;

/** Paragraphs (lines kept) and bulleted lists, in order. A blank line ends either. */
export function textBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
    let current: TextBlock | undefined;
    for (const raw of paragraph.split('\n')) {
      const line = raw.trim();
      if (line === '') continue;
      if (BULLET.test(raw)) {
        const item = raw.replace(BULLET, '').trim();
        if (current?.kind === 'list') current.items.push(item);
        else blocks.push((current = { kind: 'list', items: [item] }));
      } else if (current?.kind === 'lines') {
        current.lines.push(line);
      } else {
        blocks.push((current = { kind: 'lines', lines: [line] }));
      }
    }
  }
  return blocks;
}

/**
 * `reflow`: a single line break inside a paragraph is a space, for texts from a template file whose lines were
 * wrapped to fit the editor (the welcome texts); a blank line and a list still start a new block.
 */
export function TextBlocks(props: { text: string; reflow?: boolean }) {
  return (
    <>
      {textBlocks(props.text).map((block) =>
        block.kind === 'lines' && props.reflow ? (
          <p class="utrecht-paragraph">{block.lines.join(' ')}</p>
        ) :
        block.kind === 'list' ? (
          <ul class="utrecht-unordered-list">
            {block.items.map((item) => (
              <li class="utrecht-unordered-list__item">{item}</li>
            ))}
          </ul>
        ) : (
          <p class="utrecht-paragraph">{block.lines.flatMap((line, index): Child[] => (index === 0 ? [line] : [<br />, line]))}</p>
        ),
      )}
    </>
  );
}
