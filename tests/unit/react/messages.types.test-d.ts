/**
 * Type-level checks, run by `pnpm typecheck` (tsc covers tests/). A locale that misses a key,
 * adds one, or is loosened to `Partial` fails the build before any test runs.
 */
import { expectTypeOf } from 'vitest'
import {
  DISCLOSURE_KEYS,
  ar,
  de,
  disclosureVersion,
  en,
  es,
  fr,
  getDirection,
  ja,
  ptBR,
  resolveLocale,
  resolveMessages,
  type ConsentLocale,
  type ConsentMessages,
  type LocaleInput,
  type MessageKey,
  type SupportedLocale,
} from '../../../packages/react/src/messages'
import { locales } from '../../../packages/react/src/locales'
import { ar as arSet } from '../../../packages/react/src/locales/ar'

// Every shipped set is a complete ConsentMessages of strings, and nothing else.
en satisfies Record<MessageKey, string>
es satisfies Record<MessageKey, string>
fr satisfies Record<MessageKey, string>
de satisfies Record<MessageKey, string>
ptBR satisfies Record<MessageKey, string>
ja satisfies Record<MessageKey, string>
ar satisfies Record<MessageKey, string>
expectTypeOf(es).toEqualTypeOf<ConsentMessages>()
expectTypeOf(fr).toEqualTypeOf<ConsentMessages>()
expectTypeOf(de).toEqualTypeOf<ConsentMessages>()
expectTypeOf(ptBR).toEqualTypeOf<ConsentMessages>()
expectTypeOf(ja).toEqualTypeOf<ConsentMessages>()
expectTypeOf(ar).toEqualTypeOf<ConsentMessages>()

// A set with a key missing is not a ConsentMessages.
expectTypeOf<Omit<ConsentMessages, 'retry'>>().not.toExtend<ConsentMessages>()

// The locale record covers exactly the seven shipped locales.
expectTypeOf<SupportedLocale>().toEqualTypeOf<'en' | 'es' | 'fr' | 'de' | 'pt-BR' | 'ja' | 'ar'>()
expectTypeOf(locales).toEqualTypeOf<Readonly<Record<SupportedLocale, ConsentLocale>>>()

// A locale set is a complete message set that carries its tag and direction.
expectTypeOf(arSet).toExtend<ConsentMessages>()
expectTypeOf(arSet.locale).toEqualTypeOf<string>()
expectTypeOf(arSet.dir).toEqualTypeOf<'ltr' | 'rtl'>()
expectTypeOf<LocaleInput>().toEqualTypeOf<string | ConsentLocale>()

// Signatures apps rely on.
expectTypeOf(resolveLocale).toEqualTypeOf<(locale?: string) => SupportedLocale>()
expectTypeOf(resolveMessages).toEqualTypeOf<
  (locale?: LocaleInput, overrides?: Partial<ConsentMessages>) => ConsentMessages
>()
expectTypeOf(getDirection).returns.toEqualTypeOf<'ltr' | 'rtl'>()
expectTypeOf(disclosureVersion).parameter(0).toEqualTypeOf<LocaleInput | ConsentMessages | undefined>()
expectTypeOf(DISCLOSURE_KEYS).items.toExtend<MessageKey>()
