import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n';
import { consoleExamples } from './examples';

// The saved queries are plain strings (not codegen documents), so check them
// against the server's schema here: a renamed field fails this test, not the console.
const dir = join(__dirname, '../../../../graph');
const sdl = readdirSync(dir)
  .filter((f) => f.endsWith('.graphqls'))
  .sort()
  .map((f) => readFileSync(join(dir, f), 'utf8'))
  .join('\n');
const schema = buildSchema(sdl);

describe('console examples', () => {
  it.each(consoleExamples.map((e) => [e.id, e] as const))('%s is valid against the schema', (_, ex) => {
    expect(validate(schema, parse(ex.query)).map((e) => e.message)).toEqual([]);
  });

  it('have distinct ids and translated labels', () => {
    expect(new Set(consoleExamples.map((e) => e.id)).size).toBe(consoleExamples.length);
    for (const ex of consoleExamples) expect(translate('ru', ex.label)).not.toBe(translate('en', ex.label));
    for (const ex of consoleExamples) expect(translate('bg', ex.label)).not.toBe(translate('en', ex.label));
  });
});
