/**
 * The agent remote control's entities (the spec's "Entities"), each declared once as a table of
 * its scalar fields; the TypeScript type is derived from the table, and one decoder reads either a
 * JSON object (numbers, booleans) or an XML element (all text). The spec's arrays and objects
 * (a Campaign's Lists, LiveStats …) have no defined shape: they are not decoded.
 */

type Kind = 'int' | 'bool' | 'string';
type KindType<K extends Kind> = K extends 'int' ? number : K extends 'bool' ? boolean : string;
type Table = Readonly<Record<string, Kind>>;
export type EntityOf<T extends Table> = { -readonly [F in keyof T]?: KindType<T[F]> };

export const CALL = {
  CallId: 'int',
  CallStartTime: 'string',
  CallState: 'int',
  CallStatus: 'int',
  CustomerName: 'string',
  CustomerName2: 'string',
  PhoneNumber: 'string',
  RecordingState: 'int',
} as const;

export const AGENT_NAME_ID_PAIR = { FullName: 'string', ID: 'int' } as const;

export const LEAD_PHONE = { LeadId: 'int', PhoneNumber: 'string', RecordType: 'string', RecordTypeId: 'int' } as const;

export const CAMPAIGN = {
  Active: 'bool',
  AlwaysRun: 'bool',
  AutoRecord: 'bool',
  BlackoutDates: 'string',
  CalculatedLines: 'int',
  CallerID: 'string',
  CallsPlacedThisMinute: 'int',
  CampaignID: 'int',
  CampaignIcon: 'string',
  CampaignName: 'string',
  Cps: 'int',
  DefaultListID: 'int',
  DefaultPhoneType: 'int',
  Description: 'string',
  EndLine: 'int',
  EstimatedRecordCount: 'int',
  FirstCreated: 'string',
  InitialPacing: 'int',
  LastFetch: 'string',
  LastModified: 'string',
  LastPacingAdjust: 'string',
  LinesToReturn: 'int',
  MOTD: 'string',
  MaxCallCap: 'int',
  NumToCall: 'int',
  Pacing: 'int',
  PlacingInterval: 'int',
  Schedule: 'string',
  SchedulePlanID: 'int',
  SessionID: 'int',
  SoftCap: 'int',
  StartLine: 'int',
  Status: 'int',
  TargetDropPercent: 'int',
  TeleParamPlanID: 'int',
  TenantID: 'int',
  Type: 'int',
  UseAutoPacing: 'bool',
  UseGlobalBlackoutDates: 'bool',
  UserAddress: 'string',
  UserName: 'string',
  ZipTone: 'int',
  ZipToneBeep: 'int',
} as const;

export const ACD_QUEUE = {
  AbandonThreshold: 'int',
  AcceptableQueueTime: 'int',
  AcdIcon: 'string',
  AcdName: 'string',
  Active: 'bool',
  DefaultTimeout: 'int',
  DefaultTimeoutIvr: 'int',
  ID: 'int',
  SkipIndex: 'int',
  UserAddress: 'string',
  UserName: 'string',
  ZipTone: 'int',
  ZipToneBeep: 'int',
} as const;

export const RESULT_CODE = {
  Code: 'string',
  Description: 'string',
  IsAgentViewable: 'bool',
  IsCallAgain: 'bool',
  IsCallback: 'bool',
  IsSuccess: 'bool',
  IsSystemResultCode: 'bool',
  IsTransfer: 'bool',
  ResultCodeID: 'int',
  Sales: 'int',
  StatusID: 'int',
  SuccessType: 'int',
} as const;

export type ArcCall = EntityOf<typeof CALL>;
export type AgentNameIdPair = EntityOf<typeof AGENT_NAME_ID_PAIR>;
export type LeadPhone = EntityOf<typeof LEAD_PHONE>;
export type Campaign = EntityOf<typeof CAMPAIGN>;
export type AcdQueue = EntityOf<typeof ACD_QUEUE>;
export type ResultCode = EntityOf<typeof RESULT_CODE>;

export class EntityError extends Error {
  override name = 'EntityError';
}

function scalar(kind: Kind, value: unknown, field: string): number | boolean | string | undefined {
  if (value === null || value === undefined) return undefined;
  // An XML element with attributes (xsi:nil …) and no text: absent.
  if (typeof value === 'object' && !Array.isArray(value)) {
    const text = (value as Record<string, unknown>)['#text'];
    if (text === undefined) return undefined;
    return scalar(kind, text, field);
  }
  switch (kind) {
    case 'string':
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
      break;
    case 'int': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
      if (Number.isSafeInteger(n)) return n;
      break;
    }
    case 'bool':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'True' || value === '1') return true;
      if (value === 'false' || value === 'False' || value === '0') return false;
      break;
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
  throw new EntityError(`${field}: expected ${kind}, got ${JSON.stringify(value).slice(0, 40)}`);
}

export function decodeEntity<T extends Table>(table: T, raw: unknown, what: string): EntityOf<T> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new EntityError(`${what}: not an object`);
  const source = raw as Record<string, unknown>;
  const out: Record<string, number | boolean | string> = {};
  for (const [field, kind] of Object.entries(table)) {
    const value = scalar(kind, source[field], `${what}.${field}`);
    if (value !== undefined) out[field] = value;
  }
  return out as EntityOf<T>;
}

/**
 * A list of entities from JSON (an array) or XML (`<Data><Call>…</Call><Call>…</Call></Data>`,
 * `<Data><ArrayOfCall><Call>…`, or one `<Call>` read as a single object). Empty data: [].
 */
export function decodeList<T extends Table>(table: T, data: unknown, what: string): EntityOf<T>[] {
  return items(data, Object.keys(table)).map((item, i) => decodeEntity(table, item, `${what}[${i}]`));
}

function items(data: unknown, fields: readonly string[]): unknown[] {
  if (data === null || data === undefined || data === '') return [];
  if (Array.isArray(data)) return data;
  if (typeof data !== 'object') throw new EntityError('expected a list');
  const obj = data as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => !k.startsWith('@_') && k !== '#text');
  // The object is itself one entity (it has the entity's own fields).
  if (keys.some((k) => fields.includes(k))) return [obj];
  if (keys.length === 1) return items(obj[keys[0] as string], fields);
  if (keys.length === 0) return [];
  throw new EntityError(`expected a list, got the elements ${keys.join(', ')}`);
}
