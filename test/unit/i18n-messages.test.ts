import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { languages } from '@/lib/i18n/locales';
import { catalogues } from '@/lib/i18n/messages';

// Every key exists in every language, every message is valid ICU, and both languages take the
// same arguments: a missing or misspelt key fails here rather than on someone's screen.

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') flat.set(path, value);
    else for (const [inner, text] of flatten(value, path)) flat.set(inner, text);
  }
  return flat;
}

function argumentsOf(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    found.add(element.value);
    if (element.type === TYPE.tag) argumentsOf(element.children, found);
    if (element.type === TYPE.plural || element.type === TYPE.select)
      for (const option of Object.values(element.options)) argumentsOf(option.value, found);
  }
  return found;
}

const flat = Object.fromEntries(
  languages.map((language) => [language, flatten(catalogues[language] as unknown as Tree)]),
);
const allKeys = [...new Set(languages.flatMap((language) => [...flat[language]!.keys()]))].sort();

describe('message catalogues', () => {
  it('are loaded', () => {
    expect(allKeys.length).toBeGreaterThan(20);
  });

  it.each(languages)('%s has every key the other languages have', (language) => {
    const missing = allKeys.filter((key) => !flat[language]!.has(key));
    expect(missing).toEqual([]);
  });

  it.each(languages)('%s messages are valid ICU with the same arguments as English', (language) => {
    const problems: string[] = [];
    for (const [key, text] of flat[language]!) {
      try {
        const own = [...argumentsOf(parse(text))].sort();
        const english = flat.en!.get(key);
        if (english === undefined) continue;
        const reference = [...argumentsOf(parse(english))].sort();
        if (own.join() !== reference.join())
          problems.push(`${key}: {${own.join(', ')}} but English has {${reference.join(', ')}}`);
      } catch (error) {
        problems.push(`${key}: ${(error as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('French is not English left untranslated', () => {
    // Words that are the same in both (TeamCal, Admin, ICS…) are fine; whole sentences are not.
    const untranslated = [...flat.fr!].filter(
      ([key, text]) => text.split(' ').length > 2 && text === flat.en!.get(key),
    );
    expect(untranslated).toEqual([]);
  });
});
