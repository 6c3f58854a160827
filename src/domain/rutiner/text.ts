/**
 * A routine's text is plain text (never HTML: it is shown as text nodes only). For reading on a
 * phone it is laid out in blocks — pure, so the rule is tested once and the web shows it the same.
 */
export type TextBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; lines: string[] }
  | { kind: 'bullets' | 'numbers'; items: string[] };

const BULLET = /^\s*[-•*]\s+/;
const NUMBER = /^\s*\d+[.)]\s+/;

/**
 * The text as blocks: blank lines separate sections; in a section, lines starting with «- » make a
 * list, «1. » a numbered list, and a short first line followed by more is the section's heading.
 */
export function textBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const section of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = section.split('\n').filter((l) => l.trim() !== '');
    lines.forEach((line, i) => {
      const last = blocks[blocks.length - 1];
      const next = lines[i + 1];
      const heading =
        i === 0 &&
        next !== undefined &&
        line.length <= 80 &&
        !/[.:;,!?]$/.test(line.trim()) &&
        !BULLET.test(line) &&
        !(NUMBER.test(line) && NUMBER.test(next));
      if (heading) {
        blocks.push({ kind: 'heading', text: line.trim() });
      } else if (BULLET.test(line)) {
        const item = line.replace(BULLET, '');
        if (i > 0 && last?.kind === 'bullets') last.items.push(item);
        else blocks.push({ kind: 'bullets', items: [item] });
      } else if (NUMBER.test(line)) {
        const item = line.replace(NUMBER, '');
        if (i > 0 && last?.kind === 'numbers') last.items.push(item);
        else blocks.push({ kind: 'numbers', items: [item] });
      } else if (i > 0 && last?.kind === 'paragraph') {
        last.lines.push(line);
      } else {
        blocks.push({ kind: 'paragraph', lines: [line] });
      }
    });
  }
  return blocks;
}
