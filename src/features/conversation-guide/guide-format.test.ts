import { describe, expect, it } from 'vitest';
import { exampleGuide } from './example-guide.js';
import { parseGuideFile, serializeGuide, withSection } from './guide-format.js';

describe('the conversation guide file', () => {
  it('ships an example marked as example whose sections match the example templates by key', () => {
    const guide = exampleGuide();
    expect(guide.example).toBe(true);
    expect(guide.sections.map((s) => s.key)).toEqual(['algemeen', 'belofte-1', 'belofte-2', 'belofte-3', 'belofte-4', 'belofte-5', 'belofte-6', 'belofte-7', 'extra', 'tot-slot']);
    const again = parseGuideFile(serializeGuide(guide));
    expect(again.ok && again.value).toEqual(guide);
  });

  it('warns about a section the template does not have, and refuses a section written twice', () => {
    const source = 'format: opensop-conversation-guide/1\nname: Leidraad\nsections:\n  - key: belofte-9\n    questions: [Vraag?]\n';
    const parsed = parseGuideFile(source, ['belofte-1']);
    expect(parsed.ok && parsed.warnings.map((w) => w.line)).toEqual([4]);
    const twice = parseGuideFile(`${source}  - key: belofte-9\n`);
    expect(!twice.ok && twice.errors.map((e) => `${e.line}: ${e.message}`)).toEqual(['6: onderdeel "belofte-9" staat twee keer in de gespreksleidraad; voeg de vragen samen onder één']);
    expect(parseGuideFile('format: opensop-template/1\nname: x\n').ok).toBe(false);
  });

  it('replaces one section in the template’s order and drops a section left empty', () => {
    const base = { format: 'opensop-conversation-guide/1' as const, name: 'x', example: false, sections: [{ key: 'extra', questions: ['A?'], tips: [], examples: [] }] };
    const added = withSection(base, { key: 'algemeen', questions: ['B?'], tips: [], examples: [] }, ['algemeen', 'extra']);
    expect(added.sections.map((s) => s.key)).toEqual(['algemeen', 'extra']);
    expect(withSection(added, { key: 'extra', questions: [], tips: [], examples: [] }, ['algemeen', 'extra']).sections.map((s) => s.key)).toEqual(['algemeen']);
  });
});
