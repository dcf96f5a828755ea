/**
 * The building blocks of the codec: one small "codec" per kind of element content (text,
 * boolean, enumeration, list, sequence of fields). Each message is described once, as data, and
 * the same description writes and reads it, so encode and decode cannot drift apart.
 *
 * Reading rules (see the brief and the spec README):
 * - elements are found by name, in any order; unknown elements are ignored;
 * - a missing required element, or an unknown/absent value in a required enumeration, is a
 *   DecodeFault naming the path;
 * - an unknown value in an optional enumeration is dropped (the field is left out): a newer
 *   server must not make us lose a whole call event over a new `cause`;
 * - the required enumerations a newer server may extend (call state, agent state, session value,
 *   forward type, routing-point state: `openEnumOf`) keep an unknown value as `{ unknown: name }`
 *   instead, so the event survives and says what it did not understand;
 * - a known element appearing twice where one is expected is a DecodeFault (ambiguous).
 */
import { childrenOf, nodeName, textOf, TEXT, type XmlNode } from './xml-reader';
import { DecodeFault, EncodeFault, rethrowWithin } from './xml-fault';
import { element, escapeText } from './xml-writer';
import { isUnknownValue, type UnknownValue } from '../../common/telservices/enums';

export interface Codec<T> {
  /** The XML content for `value` ('' is written as an empty element). Throws EncodeFault. */
  write(value: T): string;
  /**
   * The value from the element's children. `undefined` only when `required` is false and the
   * value is unknown (an optional enumeration we drop). Throws DecodeFault.
   */
  read(children: readonly XmlNode[], required: boolean): T | undefined;
}

export const text: Codec<string> = {
  write(value) {
    if (typeof value !== 'string') throw new EncodeFault(`expected a string, got ${typeof value}`);
    return escapeText(value);
  },
  read: textOf,
};

/** Reads the one known value element among `children` (`<on/>`), or undefined when there is none. */
function readValueName(children: readonly XmlNode[], known: ReadonlySet<string>, required: boolean): string | undefined {
  let found: string | undefined;
  let unknown: string | undefined;
  for (const child of children) {
    const name = nodeName(child);
    if (name === TEXT) continue;
    if (known.has(name)) {
      if (found !== undefined && found !== name) {
        if (!required) return undefined;
        throw new DecodeFault(`two values <${found}/> and <${name}/>`);
      }
      found = name;
    } else if (unknown === undefined) {
      unknown = name;
    }
  }
  if (found !== undefined || !required) return found;
  throw new DecodeFault(unknown === undefined ? 'missing value' : `unknown value <${unknown}/>`);
}

/** An enumeration written as an empty element: `<state><alerting/></state>`. */
export function enumOf<T extends string>(values: readonly T[]): Codec<T> {
  const known: ReadonlySet<string> = new Set(values);
  return {
    write(value) {
      if (!known.has(value)) throw new EncodeFault(`unknown value ${JSON.stringify(value)}`);
      return `<${value}/>`;
    },
    read: (children, required) => readValueName(children, known, required) as T | undefined,
  };
}

/** An element name we may write back: what XML allows, without a prefix (no namespaces here). */
const ELEMENT_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * An enumeration a newer server may extend: a known value as `enumOf` reads it; an unknown one
 * (a new call state ...) is kept as `{ unknown: name }`, written back as `<name/>`.
 */
export function openEnumOf<T extends string>(values: readonly T[]): Codec<T | UnknownValue> {
  const known: ReadonlySet<string> = new Set(values);
  const strict = enumOf(values);
  return {
    write(value) {
      if (!isUnknownValue(value)) return strict.write(value);
      if (!ELEMENT_NAME.test(value.unknown)) throw new EncodeFault(`not an element name ${JSON.stringify(value.unknown)}`);
      return `<${value.unknown}/>`;
    },
    read(children, required) {
      const names = children.map(nodeName).filter((n) => n !== TEXT);
      const found = names.filter((n) => known.has(n));
      if (found.some((n) => n !== found[0])) {
        if (!required) return undefined;
        throw new DecodeFault(`two values <${String(found[0])}/> and <${String(found.find((n) => n !== found[0]))}/>`);
      }
      if (found[0] !== undefined) return found[0] as T;
      if (names[0] !== undefined) return { unknown: names[0] };
      if (!required) return undefined;
      throw new DecodeFault('missing value');
    },
  };
}

const BOOLEAN_NAMES: ReadonlySet<string> = new Set(['true', 'false']);

/** `<true/>` / `<false/>`. */
export const bool: Codec<boolean> = {
  write(value) {
    if (typeof value !== 'boolean') throw new EncodeFault(`expected a boolean, got ${typeof value}`);
    return value ? '<true/>' : '<false/>';
  },
  read(children, required) {
    const name = readValueName(children, BOOLEAN_NAMES, required);
    return name === undefined ? undefined : name === 'true';
  },
};

function requireArray(value: unknown): readonly unknown[] {
  if (!Array.isArray(value)) throw new EncodeFault(`expected a list, got ${typeof value}`);
  return value;
}

/** A list of enumeration elements: `<permittedServices><answerCall/><divertCall/></permittedServices>`. Unknown items are dropped. */
export function enumListOf<T extends string>(values: readonly T[]): Codec<T[]> {
  const known: ReadonlySet<string> = new Set(values);
  return {
    write(list) {
      let out = '';
      for (const [i, value] of requireArray(list).entries()) {
        if (typeof value !== 'string' || !known.has(value)) {
          throw new EncodeFault(`unknown value ${JSON.stringify(value)}`).within(`[${i}]`);
        }
        out += `<${value}/>`;
      }
      return out;
    },
    read(children) {
      const out: T[] = [];
      for (const child of children) {
        const name = nodeName(child);
        if (known.has(name)) out.push(name as T);
      }
      return out;
    },
  };
}

/**
 * A list of `<item>` elements: `<forwards><forward>…</forward></forwards>`; `<forwards/>` is [].
 * `aliases` are other item names accepted when reading.
 */
export function listOf<T>(item: string, codec: Codec<T>, aliases: readonly string[] = []): Codec<T[]> {
  const names: ReadonlySet<string> = new Set([item, ...aliases]);
  return {
    write(list) {
      let out = '';
      const items = requireArray(list) as readonly T[];
      for (let i = 0; i < items.length; i++) {
        try {
          out += element(item, codec.write(items[i] as T));
        } catch (err) {
          rethrowWithin(err, `${item}[${i}]`);
        }
      }
      return out;
    },
    read(children) {
      const out: T[] = [];
      let index = 0;
      for (const child of children) {
        const name = nodeName(child);
        if (!names.has(name)) continue;
        try {
          const value = codec.read(childrenOf(child, name), true);
          if (value !== undefined) out.push(value);
        } catch (err) {
          rethrowWithin(err, `${name}[${index}]`);
        }
        index++;
      }
      return out;
    },
  };
}

/**
 * Finds the one element among `children` whose name is in `names` (a choice: `<result><agent>`,
 * `<userStatistics><total>`). Unknown elements are skipped; none known is a DecodeFault.
 */
export function readChoice<N extends string>(
  children: readonly XmlNode[],
  names: ReadonlySet<string>,
): { name: N; children: XmlNode[] } {
  let unknown: string | undefined;
  for (const child of children) {
    const name = nodeName(child);
    if (name === TEXT) continue;
    if (names.has(name)) return { name: name as N, children: childrenOf(child, name) };
    unknown ??= name;
  }
  throw new DecodeFault(unknown === undefined ? 'empty, expected one element' : `unknown element <${unknown}>`);
}

/** Reads a field's value inside a choice, adding `segment` to the path of a fault. */
export function readWithin<T>(segment: string, codec: Codec<T>, children: readonly XmlNode[]): T {
  try {
    const value = codec.read(children, true);
    if (value === undefined) throw new DecodeFault('missing value');
    return value;
  } catch (err) {
    rethrowWithin(err, segment);
  }
}

/** Writes a field's value, adding `segment` to the path of a fault. */
export function writeWithin<T>(segment: string, codec: Codec<T>, value: T): string {
  try {
    return codec.write(value);
  } catch (err) {
    rethrowWithin(err, segment);
  }
}

/** For the `default` branch of an exhaustive switch over a union's `type` reached with untyped input. */
export function unknownVariant(value: never, what: string): never {
  const type = (value as { type?: unknown } | null)?.type;
  throw new EncodeFault(`unknown ${what} type ${JSON.stringify(type)}`);
}
