/**
 * The agent remote control mock's fixed data: campaigns, result codes, ACD queues, and the first
 * leads. Shaped by the client's entity tables, so the mock cannot drift from what the client reads.
 */
import type { AcdQueue, Campaign, ResultCode } from '../../rest/arc-entities';

export const MOCK_CAMPAIGNS: Campaign[] = [
  { CampaignID: 1001, CampaignName: 'Inbound sales', Active: true, AutoRecord: true, CallerID: '18005550100', Type: 1, Status: 1, Pacing: 1, TenantID: 1 },
  { CampaignID: 1002, CampaignName: 'Renewals', Active: false, AutoRecord: false, CallerID: '18005550101', Type: 2, Status: 0, Pacing: 2, TenantID: 1 },
];

const code = (id: number, c: string, description: string, extra: Partial<ResultCode> = {}): ResultCode => ({
  ResultCodeID: id,
  Code: c,
  Description: description,
  IsAgentViewable: true,
  IsCallAgain: false,
  IsCallback: false,
  IsSuccess: false,
  IsSystemResultCode: false,
  IsTransfer: false,
  Sales: 0,
  StatusID: 1,
  SuccessType: 0,
  ...extra,
});

export const MOCK_RESULT_CODES: ResultCode[] = [
  code(1, 'SALE', 'Sale', { IsSuccess: true, Sales: 1, SuccessType: 1 }),
  code(2, 'NOSALE', 'No sale'),
  code(3, 'CALLBACK', 'Call back later', { IsCallAgain: true, IsCallback: true }),
  code(4, 'XFER', 'Transferred', { IsTransfer: true }),
  code(5, 'NOANSWER', 'No answer', { IsSystemResultCode: true, IsAgentViewable: false, IsCallAgain: true }),
];

export const MOCK_ACD_QUEUES: AcdQueue[] = [
  { ID: 1, AcdName: 'Sales', Active: true, AbandonThreshold: 20, AcceptableQueueTime: 30, DefaultTimeout: 120 },
  { ID: 2, AcdName: 'Support', Active: true, AbandonThreshold: 30, AcceptableQueueTime: 60, DefaultTimeout: 300 },
];

/** Lead id -> its phone numbers. A lead phone's id is lead id * 100 + its position (1-based). */
export const MOCK_LEADS: ReadonlyArray<{ leadId: number; phones: string[] }> = [
  { leadId: 501, phones: ['0160121314', '0612345678'] },
  { leadId: 502, phones: ['+33145678901'] },
];
