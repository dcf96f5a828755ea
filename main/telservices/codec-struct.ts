/**
 * Sequences of fields: the codec of every structure and request body. Fields are written in the
 * order given (the spec's parameter order) and read by element name, in any order.
 */
import type { Codec } from './codec-core';
import { DecodeFault, EncodeFault, rethrowWithin } from './xml-fault';
import { childrenOf, nodeName } from './xml-reader';

type Defined<V> = Exclude<V, undefined>;

interface FieldFor<T, K extends keyof T & string> {
  readonly key: K;
  /** The element name on the wire (usually the key). */
  readonly wire: string;
  readonly codec: Codec<Defined<T[K]>>;
  readonly required: boolean;
  /** Written when the value is absent, and read when the element is absent (isConference: false). */
  readonly fallback?: Defined<T[K]>;
}

export type Field<T> = { [K in keyof T & string]-?: FieldFor<T, K> }[keyof T & string];

/** Field constructors bound to one type, so keys and codecs are checked against it. */
export interface FieldMakers<T> {
  req<K extends keyof T & string>(key: K, codec: Codec<Defined<T[K]>>, wire?: string): Field<T>;
  opt<K extends keyof T & string>(key: K, codec: Codec<Defined<T[K]>>, wire?: string): Field<T>;
  withDefault<K extends keyof T & string>(key: K, codec: Codec<Defined<T[K]>>, fallback: Defined<T[K]>): Field<T>;
}

export function fieldsOf<T>(): FieldMakers<T> {
  return {
    req: (key, codec, wire = key) => ({ key, wire, codec, required: true }),
    opt: (key, codec, wire = key) => ({ key, wire, codec, required: false }),
    withDefault: (key, codec, fallback) => ({ key, wire: key, codec, required: false, fallback }),
  };
}

/** The erased shape the struct loop works on (one cast, here). */
interface AnyField {
  readonly key: string;
  readonly wire: string;
  readonly codec: Codec<unknown>;
  readonly required: boolean;
  readonly fallback?: unknown;
  readonly open: string;
  readonly close: string;
  readonly empty: string;
}

/** A sequence of elements, written in the order of `fields` (the spec's parameter order). */
export function struct<T>(fields: ReadonlyArray<Field<T>>): Codec<T> {
  const list: AnyField[] = (fields as unknown as AnyField[]).map((f) => ({
    ...f,
    open: `<${f.wire}>`,
    close: `</${f.wire}>`,
    empty: `<${f.wire}/>`,
  }));
  const byWire = new Map(list.map((f) => [f.wire, f]));
  const mustCheck = list.filter((f) => f.required || f.fallback !== undefined);
  return {
    write(value) {
      if (typeof value !== 'object' || value === null) throw new EncodeFault(`expected an object, got ${value === null ? 'null' : typeof value}`);
      const record = value as Readonly<Record<string, unknown>>;
      let out = '';
      for (const f of list) {
        let v = record[f.key];
        if (v === undefined) {
          if (f.fallback !== undefined) v = f.fallback;
          else if (f.required) throw new EncodeFault(`missing ${f.key}`);
          else continue;
        }
        let content: string;
        try {
          content = f.codec.write(v);
        } catch (err) {
          rethrowWithin(err, f.wire);
        }
        out += content === '' ? f.empty : f.open + content + f.close;
      }
      return out;
    },
    read(children) {
      const out: Record<string, unknown> = {};
      for (const child of children) {
        const name = nodeName(child);
        const f = byWire.get(name);
        if (f === undefined) continue;
        if (out[f.key] !== undefined) throw new DecodeFault(`<${name}> appears twice`);
        try {
          const v = f.codec.read(childrenOf(child, name), f.required);
          if (v !== undefined) out[f.key] = v;
        } catch (err) {
          rethrowWithin(err, name);
        }
      }
      for (const f of mustCheck) {
        if (out[f.key] !== undefined) continue;
        if (f.fallback !== undefined) out[f.key] = f.fallback;
        else throw new DecodeFault(`missing <${f.wire}>`);
      }
      return out as T;
    },
  };
}

