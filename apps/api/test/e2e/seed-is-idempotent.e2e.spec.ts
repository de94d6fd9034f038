import { SeedService } from '../../src/seed/seed.service';
import { expectData } from '../e2e-assertions';
import { ADMIN, startTestApi, type TestApi } from '../harness';

interface Counts {
  organisations: number;
  points: number;
  rooms: number;
  users: number;
}

const SLUG = 'lannion-tregor-communaute-siege';

// Each file starts the API on its own database; hashing passwords and seeding are slow on a busy CI machine.
jest.setTimeout(60_000);

describe('seeding the network a second time', () => {
  let api: TestApi;
  const counts = async (): Promise<Counts> =>
    (
      await api.sql<Counts>(`SELECT (SELECT count(*) FROM organisation)::int AS organisations, (SELECT count(*) FROM point)::int AS points,
                                    (SELECT count(*) FROM room)::int AS rooms, (SELECT count(*) FROM app_user)::int AS users`)
    )[0];

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('the first seed (at start) created the network', async () => {
    const report = api.seed;
    expect(report?.organisations.created).toBeGreaterThan(5);
    expect(report?.points.created).toBeGreaterThan(10);
    expect(report?.rooms.created).toBeGreaterThan(10);
    expect(report).toMatchObject({ organisations: { kept: 0 }, points: { kept: 0 }, rooms: { kept: 0 } });
    const c = await counts();
    expect(c).toMatchObject({ organisations: report?.organisations.created, points: report?.points.created, rooms: report?.rooms.created });
  });

  it('creates nothing, keeps everything, and leaves what an admin changed in between', async () => {
    const admin = await api.loginAs(ADMIN.email, ADMIN.password);
    const [{ id, organisation_id }] = await api.sql<{ id: string; organisation_id: string }>(`SELECT id, organisation_id FROM point WHERE slug = $1`, [SLUG]);
    const [{ id: roomId }] = await api.sql<{ id: string }>(`SELECT id FROM room WHERE point_id = $1 ORDER BY name LIMIT 1`, [id]);
    expectData(
      await api.gql(
        `mutation($id: ID!, $input: UpdatePointInput!) { updatePoint(id: $id, input: $input) { id } }`,
        { id, input: { name: 'Siège LTC (salle refaite)', status: 'ON_HOLD', bandwidthKbps: 100000, internalNotes: 'Travaux jusqu’en mars' } },
        admin,
      ),
    );
    expectData(
      await api.gql(
        `mutation($id: ID!) { setOpeningHours(pointId: $id, schedule: { weekly: [{ weekday: 2, opens: "10:00", closes: "11:00" }], closedOnPublicHolidays: false }) { id } }`,
        { id },
        admin,
      ),
    );
    expectData(await api.gql(`mutation($id: ID!) { updateRoom(id: $id, input: { capacity: 3, equipment: ["écran"] }) { id } }`, { id: roomId }, admin));
    expectData(
      await api.gql(`mutation($id: ID!) { updateOrganisation(id: $id, input: { name: "LTC (renommée)" }) { id } }`, { id: organisation_id }, admin),
    );

    const pointBefore = await api.sql(`SELECT * FROM point WHERE id = $1`, [id]);
    const roomBefore = await api.sql(`SELECT * FROM room WHERE id = $1`, [roomId]);
    const orgBefore = await api.sql(`SELECT * FROM organisation WHERE id = $1`, [organisation_id]);
    const everything = `SELECT (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM organisation t) AS o,
                               (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM point t) AS p,
                               (SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM room t) AS r`;
    const digestBefore = await api.sql(everything);
    const countsBefore = await counts();

    const lines: string[] = [];
    const report = await api.app.get(SeedService).seedNetwork((line) => lines.push(line));

    const first = api.seed!;
    expect(report).toEqual({
      organisations: { created: 0, kept: first.organisations.created },
      points: { created: 0, kept: first.points.created },
      rooms: { created: 0, kept: first.rooms.created },
    });
    expect(lines[lines.length - 1]).toMatch(/organisations 0 created/);
    expect(await counts()).toEqual(countsBefore);
    expect(await api.sql(`SELECT * FROM point WHERE id = $1`, [id])).toEqual(pointBefore);
    expect(await api.sql(`SELECT * FROM room WHERE id = $1`, [roomId])).toEqual(roomBefore);
    expect(await api.sql(`SELECT * FROM organisation WHERE id = $1`, [organisation_id])).toEqual(orgBefore);
    expect(await api.sql(everything)).toEqual(digestBefore);
    const [point] = await api.sql<{ name: string; status: string; weekly: number }>(
      `SELECT name, status, jsonb_array_length(opening_schedule->'weekly')::int AS weekly FROM point WHERE id = $1`,
      [id],
    );
    expect(point).toEqual({ name: 'Siège LTC (salle refaite)', status: 'ON_HOLD', weekly: 1 });
  });

  it('a third run is still a no-op, and the admin bootstrap is not duplicated', async () => {
    const before = await counts();
    const seeder = api.app.get(SeedService);
    const report = await seeder.seedNetwork(() => undefined);
    expect(report.organisations.created + report.points.created + report.rooms.created).toBe(0);
    expect(await seeder.ensureNetworkAdmin(ADMIN.email, ADMIN.password)).toEqual({ email: ADMIN.email });
    expect(await counts()).toEqual(before);
  });
});
