import { describe, expect, it } from 'vitest';
import { CALL, decodeEntity, decodeList, EntityError, RESULT_CODE } from '../../../main/rest/arc-entities';
import { parseCallActionResponse, ResponseShapeError } from '../../../main/rest/arc-response';

const CALL_JSON = {
  Success: true,
  Data: [{ CallId: 7, CallStartTime: '2025-01-31T10:00:00Z', CallState: 5, CallStatus: 1, CustomerName: 'Jo', CustomerName2: null, PhoneNumber: '0160121314', RecordingState: 1 }],
  ResponseCode: 200,
  ResponseDetail: 'OK',
};

const CALLS_XML = `<?xml version="1.0" encoding="utf-8"?>
<CallActionResponse xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.datacontract.org/2004/07/x">
  <Data>
    <Call><CallId>7</CallId><CallState>5</CallState><CustomerName>Jo</CustomerName><CustomerName2 i:nil="true"/><PhoneNumber>0160121314</PhoneNumber><RecordingState>1</RecordingState></Call>
    <Call><CallId>8</CallId><PhoneNumber>+33145678901</PhoneNumber></Call>
  </Data>
  <ResponseCode>200</ResponseCode><ResponseDetail>OK</ResponseDetail><Success>true</Success>
</CallActionResponse>`;

describe('agent remote control responses', () => {
  it('reads a JSON CallActionResponse and its Call list', () => {
    const r = parseCallActionResponse(JSON.stringify(CALL_JSON), 'application/json; charset=utf-8');
    expect(r).toMatchObject({ success: true, responseCode: 200, responseDetail: 'OK' });
    expect(decodeList(CALL, r.data, 'Call')).toEqual([
      { CallId: 7, CallStartTime: '2025-01-31T10:00:00Z', CallState: 5, CallStatus: 1, CustomerName: 'Jo', PhoneNumber: '0160121314', RecordingState: 1 },
    ]);
  });

  it('reads the same from XML (namespaces, nil elements, numbers as text)', () => {
    const r = parseCallActionResponse(CALLS_XML, 'text/xml');
    expect(r.success).toBe(true);
    expect(decodeList(CALL, r.data, 'Call')).toEqual([
      { CallId: 7, CallState: 5, CustomerName: 'Jo', PhoneNumber: '0160121314', RecordingState: 1 },
      { CallId: 8, PhoneNumber: '+33145678901' },
    ]);
  });

  it('reads a one-item XML list, an empty one and nil Data', () => {
    const one = parseCallActionResponse('<R><Success>true</Success><Data><ResultCode><Code>SALE</Code><IsSuccess>true</IsSuccess><Sales>1</Sales></ResultCode></Data></R>', '');
    expect(decodeList(RESULT_CODE, one.data, 'ResultCode')).toEqual([{ Code: 'SALE', IsSuccess: true, Sales: 1 }]);
    const none = parseCallActionResponse('<R><Success>true</Success><Data/></R>', 'text/xml');
    expect(decodeList(RESULT_CODE, none.data, 'ResultCode')).toEqual([]);
    const nil = parseCallActionResponse('<R xmlns:i="x"><Success>false</Success><Data i:nil="true"/><ResponseCode>404</ResponseCode></R>', 'text/xml');
    expect(nil).toMatchObject({ success: false, responseCode: 404 });
  });

  it('sniffs the format when the Content-Type says nothing', () => {
    expect(parseCallActionResponse(' {"success":false,"responseDetail":"no"}', '').responseDetail).toBe('no');
  });

  it('refuses bodies that are not a CallActionResponse', () => {
    expect(() => parseCallActionResponse('{"Data":1}', 'application/json')).toThrow(ResponseShapeError);
    expect(() => parseCallActionResponse('{oops', 'application/json')).toThrow(ResponseShapeError);
    expect(() => parseCallActionResponse('<a><Success>true</Success>', 'text/xml')).toThrow(ResponseShapeError);
    expect(() => parseCallActionResponse('[1]', 'application/json')).toThrow(ResponseShapeError);
  });

  it('refuses a field of the wrong type, naming it', () => {
    expect(() => decodeEntity(CALL, { CallId: 'seven' }, 'Call')).toThrow(new EntityError('Call.CallId: expected int, got "seven"'));
    expect(() => decodeEntity(RESULT_CODE, { IsSuccess: 'maybe' }, 'ResultCode')).toThrow(EntityError);
    expect(() => decodeList(CALL, 5, 'Call')).toThrow(EntityError);
  });
});
