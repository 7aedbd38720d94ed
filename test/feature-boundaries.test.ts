/** The feature boundaries (lint/feature-boundaries.ts; docs/conventions.md, "Boundaries"). */
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../src/config/project-root.js';
import { checkImport, findForeignWrites, findViolations, KNOWN_EXCEPTIONS, KNOWN_FOREIGN_WRITES, readSources, tableOwners } from '../lint/feature-boundaries.js';

describe('feature boundaries', () => {
  it('no feature imports another feature’s repository, schema or internals', () => {
    const sources = readSources(projectRoot());
    expect(sources.size).toBeGreaterThan(300);
    const known = new Set(KNOWN_EXCEPTIONS.map((e) => `${e.file} → ${e.imports}`));
    const found = findViolations(sources).map((v) => `${v.file} → ${v.imports}`);
    expect(found.filter((v) => !known.has(v)), 'import the feature’s use cases or its api.ts instead').toEqual([]);
    // A known exception that was paid off leaves the list.
    expect([...known].filter((k) => !found.includes(k)), 'remove the paid-off exception from KNOWN_EXCEPTIONS').toEqual([]);
  });

  it('catches each kind of crossing (the rules can fail)', () => {
    expect(checkImport('src/features/cycle/open-cycle.ts', 'src/features/partnerships/repository.ts')).toBe('a');
    expect(checkImport('src/features/cycle/open-cycle.ts', 'src/features/questionnaire/answers-repository.ts')).toBe('a');
    expect(checkImport('src/app.ts', 'src/features/accounts/repository.ts')).toBe('a');
    expect(checkImport('src/features/insight/views/home.tsx', 'src/features/questionnaire/schema.ts')).toBe('a');
    expect(checkImport('src/features/templates/views/pages.tsx', 'src/features/questionnaire/views/pages.tsx')).toBe('b');
    expect(checkImport('src/cli/template-commands.ts', 'src/features/templates/format/parse-template-file.ts')).toBe('b');
    // Allowed: the feature's own files, its api.ts and use cases, foreign keys and joins, the template model, shared views.
    expect(checkImport('src/features/cycle/views/shared.tsx', 'src/features/cycle/repository.ts')).toBeNull();
    expect(checkImport('src/features/cycle/open-cycle.ts', 'src/features/partnerships/api.ts')).toBeNull();
    expect(checkImport('src/features/cycle/schema.ts', 'src/features/partnerships/schema.ts')).toBeNull();
    expect(checkImport('src/features/insight/repository.ts', 'src/features/questionnaire/schema.ts')).toBeNull();
    expect(checkImport('src/db/schema.ts', 'src/features/questionnaire/schema.ts')).toBeNull();
    expect(checkImport('src/features/documents/render/poster-kit.ts', 'src/features/templates/model/template.ts')).toBeNull();
    expect(checkImport('src/features/pupil-voice/views/pupil-voice.tsx', 'src/features/cycle/views/shared.tsx')).toBeNull();
    const sources = new Map([
      ['src/features/a/use-case.ts', "import { getB } from '../b/repository.js';\nexport const x = getB;"],
      ['src/features/b/repository.ts', 'export const getB = 1;'],
    ]);
    expect(findViolations(sources)).toEqual([{ file: 'src/features/a/use-case.ts', imports: 'src/features/b/repository.ts', rule: 'a' }]);
  });

  it('a feature writes only its own tables (rule c)', () => {
    const sources = readSources(projectRoot());
    expect(tableOwners(sources).length).toBeGreaterThan(40);
    const known = new Set(KNOWN_FOREIGN_WRITES.map((entry) => `${entry.file} → ${entry.table}`));
    const found = findForeignWrites(sources).map((entry) => `${entry.file} → ${entry.table}`);
    expect(found.filter((write) => !known.has(write)), 'write another feature’s tables through its api.ts').toEqual([]);
    expect([...known].filter((write) => !found.includes(write)), 'remove the paid-off write from KNOWN_FOREIGN_WRITES').toEqual([]);
  });

  it('catches a foreign write by drizzle call and by SQL, and allows reads and own writes (rule c can fail)', () => {
    const sources = new Map([
      ['src/features/a/schema.ts', "export const things = pgTable('things', {});"],
      ['src/features/b/schema.ts', "export const others = pgTable(\n  'other_rows', {});"],
      ['src/features/b/repository.ts', "await db.update(things).set({});\nawait db.execute(sql`delete from things where id = 1`);"],
      ['src/features/c/repository.ts', "await db.select().from(things).innerJoin(others);\n// db.insert(things) in a comment\nawait db.execute(sql`select * from things`);"],
      ['src/features/a/repository.ts', "await db.insert(things).values({});\nawait db.execute(sql`insert into other_rows values (1)`);"],
    ]);
    expect(findForeignWrites(sources)).toEqual([
      { file: 'src/features/b/repository.ts', table: 'things', owner: 'a' },
      { file: 'src/features/a/repository.ts', table: 'other_rows', owner: 'b' },
    ]);
  });
});
