import { ADMIN, startTestApi, type TestApi } from '../harness';
import { roomOf } from '../booking-fixtures';
import { ok } from '../tariff-fixtures';

jest.setTimeout(60_000);

const ADD = `mutation($input: OperatingCostInput!) { addOperatingCost(input: $input) { id kind label monthlyCents fromMonth toMonth amountCents date } }`;
const COST_PER_CALL = `query($p: ID!, $from: String!, $to: String!) { costPerCall(pointId: $p, fromMonth: $from, toMonth: $to) {
  total { recurringCents oneOffCents totalCostCents completedMeetings costPerMeetingCents revenueCents netCents recurringByKind { conciergeSubscription line maintenance other } }
  years { year monthCount totalCostCents completedMeetings costPerMeetingCents }
  months { month totalCostCents completedMeetings costPerMeetingCents }
  costs { id } } }`;

interface Figures {
  recurringCents: number;
  oneOffCents: number;
  totalCostCents: number;
  completedMeetings: number;
  costPerMeetingCents: number | null;
  revenueCents: number | null;
  netCents: number | null;
  recurringByKind: Record<string, number>;
}

describe('a point costing 3 000 € a year with 20 completed calls costs 150 € per call', () => {
  let api: TestApi;
  let admin: Record<string, string>;
  beforeAll(async () => {
    api = await startTestApi();
    admin = await api.loginAs(ADMIN.email, ADMIN.password);
  });
  afterAll(() => api?.close());

  it('concierge 60 €/month + line 184 €/month + 72 € maintenance = 3 000 € for 2015; 20 meetings → 150 €', async () => {
    const room = await roomOf(api, 'cc-callac-argoat-kerguiniou');
    const add = (input: Record<string, unknown>) => api.gql<{ addOperatingCost: { id: string } }>(ADD, { input: { pointId: room.pointId, ...input } }, admin);
    ok(await add({ kind: 'CONCIERGE_SUBSCRIPTION', label: 'Conciergerie, 1 poste', monthlyCents: 6000, fromMonth: '2015-01' }));
    ok(await add({ kind: 'LINE', label: 'Ligne dédiée', monthlyCents: 18400, fromMonth: '2015-01', toMonth: '2015-12' }));
    ok(await add({ kind: 'MAINTENANCE', label: 'Intervention hors contrat', amountCents: 7200, date: '2015-06-15' }));
    const extra = ok(await add({ kind: 'OTHER', label: 'Saisie en double', amountCents: 50000, date: '2015-07-01' })).addOperatingCost;
    expect(ok(await api.gql<{ removeOperatingCost: boolean }>(`mutation($id: ID!) { removeOperatingCost(id: $id) }`, { id: extra.id }, admin)).removeOperatingCost).toBe(true);

    // 20 calls held and completed in 2015 (inserted directly: bookings cannot be made in the past), plus one cancelled.
    for (let i = 0; i < 21; i++) {
      const month = String((i % 12) + 1).padStart(2, '0');
      const [r] = await api.sql<{ id: string }>(
        `INSERT INTO reservation (title, organiser_name, organiser_email, requester_category, in_territory, purpose, start_at, end_at, status, access_token_hash, created_by)
         VALUES ($1, 'Service économie', 'eco@example.org', 'COMPANY', true, 'COORDINATION', $2, $3, $4, 'x', 'test') RETURNING id`,
        [`Réunion ${i}`, `2015-${month}-10T09:00:00+01:00`, `2015-${month}-10T11:00:00+01:00`, i === 20 ? 'CANCELLED' : 'COMPLETED'],
      );
      await api.sql(`INSERT INTO room_slot (room_id, during, kind, active, reservation_id) VALUES ($1, tstzrange($2, $3, '[)'), 'RESERVATION', false, $4)`, [
        room.roomId, `2015-${month}-10T08:45:00+01:00`, `2015-${month}-10T11:15:00+01:00`, r.id,
      ]);
    }

    const res = ok(await api.gql<{ costPerCall: { total: Figures; years: { year: number; monthCount: number; costPerMeetingCents: number }[]; months: { month: string }[]; costs: unknown[] } }>(
      COST_PER_CALL, { p: room.pointId, from: '2015-01', to: '2015-12' }, admin,
    )).costPerCall;
    expect(res.total).toEqual({
      recurringCents: 292_800,
      oneOffCents: 7_200,
      totalCostCents: 300_000,
      completedMeetings: 20,
      costPerMeetingCents: 15_000,
      revenueCents: 0,
      netCents: -300_000,
      recurringByKind: { conciergeSubscription: 72_000, line: 220_800, maintenance: 0, other: 0 },
    });
    expect(res.years).toEqual([{ year: 2015, monthCount: 12, totalCostCents: 300_000, completedMeetings: 20, costPerMeetingCents: 15_000 }]);
    expect(res.months).toHaveLength(12);
    expect(res.costs).toHaveLength(3);
  });

  it('is for the point’s organisation admins only', async () => {
    const room = await roomOf(api, 'cc-callac-argoat-kerguiniou');
    const anonymous = await api.gql(COST_PER_CALL, { p: room.pointId, from: '2015-01', to: '2015-12' });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const bad = await api.gql(COST_PER_CALL, { p: room.pointId, from: '2015-13', to: '2015-12' }, admin);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['fromMonth'] });
  });
});
