import { en } from './en';
import { ko, type Messages } from './ko';

export const languages = ['ko', 'en'] as const;
export type Language = (typeof languages)[number];

export const dictionaries: Record<Language, Messages> = { en, ko };

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<Messages>;
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** The BCP 47 locale for Intl formatting in a language. */
export function intlLocale(language: Language): string {
  return language === 'ko' ? 'ko-KR' : 'en-US';
}

export function isLanguage(value: unknown): value is Language {
  return languages.includes(value as Language);
}

function lookup(messages: Messages, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export function createTranslate(language: Language): Translate {
  const messages = dictionaries[language];
  return (key, params) => {
    const template = lookup(messages, key) ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (match, name: string) =>
      name in params ? String(params[name]) : match,
    );
  };
}
