import { ErrorCodes } from '@orgo/contracts';
import { describe, expect, it } from 'vitest';
import { authKo } from '../features/auth/i18n/ko';
import { chatKo } from '../features/chat/i18n/ko';
import { devKo } from '../features/dev/i18n/ko';
import { studyKo } from '../features/study/i18n/ko';
import { postKo } from '../features/post/i18n/ko';
import { userKo } from '../features/user/i18n/ko';
import { appKo } from './app/ko';
import { errorCodesKo } from './error-codes/ko';
import { createTranslate, dictionaries, languages } from './translate';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix + key;
    if (typeof value === 'string') entries.set(path, value);
    else flatten(value, `${path}.`).forEach((v, k) => entries.set(k, v));
  }
  return entries;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  const ko = flatten(dictionaries.ko);

  it.each(languages.filter((l) => l !== 'ko'))('%s has exactly the keys of ko', (language) => {
    const other = flatten(dictionaries[language]);
    expect([...other.keys()].sort()).toEqual([...ko.keys()].sort());
  });

  it.each(languages)('%s has no empty message and the same placeholders as ko', (language) => {
    for (const [key, text] of flatten(dictionaries[language])) {
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(text), key).toEqual(placeholders(ko.get(key) ?? ''));
    }
  });

  it('takes each top-level namespace from exactly one file', () => {
    const parts = [authKo, chatKo, devKo, postKo, studyKo, userKo, appKo, errorCodesKo];
    const names = parts.flatMap((part) => Object.keys(part));
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
    expect(names.sort()).toEqual(Object.keys(dictionaries.ko).sort());
  });

  it('translates every error code', () => {
    for (const code of ErrorCodes) expect(ko.has(`errorCode.${code}`), code).toBe(true);
  });
});

describe('createTranslate', () => {
  it('fills placeholders and keeps unknown ones', () => {
    const t = createTranslate('en');
    expect(t('errors.retryAfter', { seconds: 30 })).toBe('Try again in 30 seconds.');
    expect(t('errors.retryAfter')).toBe('Try again in {seconds} seconds.');
  });

  it('answers in the chosen language', () => {
    expect(createTranslate('ko')('nav.feed')).toBe('피드');
    expect(createTranslate('en')('nav.feed')).toBe('Feed');
  });
});
