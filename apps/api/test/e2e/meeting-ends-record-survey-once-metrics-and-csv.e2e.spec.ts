import { meetingRoom } from '../meeting-fixtures';
import { expectData, expectError } from '../e2e-assertions';
import { METRICS, type MetricsData, OUTCOME, pastMeeting, recordOf, surveyTokenOf } from '../evaluation-fixtures';
import { ADMIN, startTestApi, type TestApi } from '../harness';

const SURVEY = `query($t: String!) { survey(token: $t) { reference title pointName respondent answered } }`;
const SUBMIT = `mutation($t: String!, $i: SurveyAnswerInput!) { submitSurvey(token: $t, input: $i) { answered } }`;

jest.setTimeout(120_000);

describe('a seeded two-point meeting Lannion ↔ Saint-Brieuc ends: its record, its survey, the metrics and the exports', () => {
  let api: TestApi;
  let admin: Record<string, string>;
  let lannion: { roomId: string; pointId: string };
  let stBrieuc: { roomId: string; pointId: string };
  let meeting: Awaited<ReturnType<typeof pastMeeting>>;

  beforeAll(async () => {
    api = await startTestApi();
    admin = await api.loginAs(ADMIN.email, ADMIN.password);
    lannion = await meetingRoom(api, 'lannion-tregor-communaute-siege');
    stBrieuc = await meetingRoom(api, 'saint-brieuc-agglomeration-siege');
    // Two rooms (4 people in Lannion, 2 in Saint-Brieuc), a browser guest from Rennes and one from Germany.
    meeting = await pastMeeting(api, [lannion.roomId, stBrieuc.roomId], {
      rooms: [
        { roomId: lannion.roomId, expectedParticipants: 4 },
        { roomId: stBrieuc.roomId, expectedParticipants: 2 },
      ],
      participants: [
        { kind: 'WEB_GUEST', name: 'Cabinet rennais', email: 'cabinet@example.org', originPostcode: '35000' },
        { kind: 'WEB_GUEST', name: 'Partenaire allemand', email: 'partner@example.de', originCountry: 'DE' },
      ],
    });
  });
  afterAll(() => api.close());

  it('the host records COMPLETED and the durable subscriber writes its record: participants, destinations, trips avoided', async () => {
    expectData(await api.gql(OUTCOME, { id: meeting.id, o: 'COMPLETED' }, admin));
    const record = await recordOf(api, meeting.id);
    expect(record).toMatchObject({ outcome: 'COMPLETED', outcome_source: 'host', is_use: true, participants_in_room: 6, destination_scope: 'ABROAD', factor_table_version: 1 });
    expect(record.destinations).toEqual([
      { kind: 'POINT', label: 'Saint-Brieuc', scope: 'BRITTANY' },
      { kind: 'WEB_GUEST', label: 'Rennes', scope: 'BRITTANY' },
      { kind: 'WEB_GUEST', label: 'DE', scope: 'ABROAD' },
    ]);
    // Saint-Brieuc's 2 people and the Rennes guest would have driven to Lannion; the German guest's origin is unknown.
    expect(record.impact.trips.map((t) => [t.from, t.to, t.people, t.mode])).toEqual([
      ['Saint-Brieuc', 'Lannion', 2, 'CAR'],
      ['Rennes', 'Lannion', 1, 'CAR'],
    ]);
    expect(Number(record.co2e_net_grams)).toBe(record.impact.grossCo2eGrams - record.impact.meetingCo2eGrams);
    expect(Number(record.co2e_net_grams)).toBeGreaterThan(50_000);
  });

  it('asks the organiser for the survey once; the link works once, and the answer refines the record', async () => {
    const token = await surveyTokenOf(api, meeting.id);
    expect(expectData(await api.gql<{ survey: { answered: boolean } }>(SURVEY, { t: token })).survey).toMatchObject({ reference: meeting.reference, respondent: 'organiser', answered: false });
    const answer = { worked: true, replacedTrip: true, trips: [{ fromPostcode: '22000', people: 3, mode: 'CAR' }], peopleInRoom: 5, satisfaction: 4, comment: 'Très bien' };
    expect(expectData(await api.gql<{ submitSurvey: { answered: boolean } }>(SUBMIT, { t: token, i: answer })).submitSurvey.answered).toBe(true);
    expectError(await api.gql(SUBMIT, { t: token, i: answer }), 'CONFLICT');
    expect(expectData(await api.gql<{ survey: { answered: boolean } }>(SURVEY, { t: token })).survey.answered).toBe(true);
    const refined = await recordOf(api, meeting.id, (r) => r.survey_answers === 1);
    expect(refined).toMatchObject({ satisfaction_sum: 4, satisfaction_count: 1, participants_in_room: 5 });
    expect(refined.impact.trips.map((t) => [t.from, t.people])).toEqual([['Saint-Brieuc', 3]]);
    const [{ n }] = await api.sql<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE event_type = 'survey.requested' AND aggregate_id = $1`, [meeting.id]);
    expect(n).toBe(1);
  });

  it('refuses an altered survey link and bad answers, changing nothing', async () => {
    const token = await surveyTokenOf(api, meeting.id);
    expectError(await api.gql(SURVEY, { t: `${token.slice(0, -2)}xx` }), 'NOT_FOUND');
    const bad = await api.gql(SUBMIT, { t: token, i: { worked: true, replacedTrip: false, satisfaction: 9 } });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const [{ n }] = await api.sql<{ n: number }>(`SELECT count(*)::int AS n FROM survey_answer WHERE reservation_id = $1`, [meeting.id]);
    expect(n).toBe(1);
  });

  it('a no-show counts a booking without a use, and a late cancellation a held room', async () => {
    const noShow = await pastMeeting(api, [lannion.roomId], {}, 2);
    expectData(await api.gql(OUTCOME, { id: noShow.id, o: 'NO_SHOW' }, admin));
    expect(await recordOf(api, noShow.id)).toMatchObject({ outcome: 'NO_SHOW', is_use: false, co2e_net_grams: '0', km_avoided: 0 });
    const late = await pastMeeting(api, [lannion.roomId], {}, 3);
    await api.sql(`UPDATE reservation SET start_at = now() + interval '3 hours', end_at = now() + interval '5 hours' WHERE id = $1`, [late.id]);
    expectData(await api.gql(`mutation($id: ID!, $t: String) { cancelReservation(id: $id, reason: "Empêchement", accessToken: $t) { status } }`, { id: late.id, t: late.accessToken }));
    expect(await recordOf(api, late.id)).toMatchObject({ outcome: 'CANCELLED_LATE', outcome_source: 'cancellation', is_use: false });
  });

  it('the metrics of the month show it for the network admin', async () => {
    const m = expectData(await api.gql<MetricsData>(METRICS, { f: { from: meeting.month, to: meeting.month } }, admin)).evaluationMetrics;
    expect(m.totals).toMatchObject({ completed: 1, noShows: 1, uses: 1, surveyAnswers: 1, satisfaction: 4, participantsInRoom: 5 });
    expect(m.totals.co2eNetKg).toBeGreaterThan(0);
    expect(m.byMonth).toEqual([expect.objectContaining({ month: meeting.month, uses: 1, noShows: 1, categories: 1 })]);
    expect(m.byDestination.map((d) => d.key)).toContain('ABROAD');
    const points = Object.fromEntries(m.byPoint.map((p) => [p.pointId, p.uses]));
    expect([points[lannion.pointId], points[stBrieuc.pointId]]).toEqual([1, 1]);
    expect(m.factorTableVersion).toBe(1);
    // One point: its totals from the rollup, its dimensions from its own records.
    const one = expectData(await api.gql<MetricsData>(METRICS, { f: { from: meeting.month, to: meeting.month, pointId: stBrieuc.pointId } }, admin)).evaluationMetrics;
    expect(one.totals).toMatchObject({ completed: 1, noShows: 0 });
    expect(one.byPurpose).toEqual([{ key: 'COORDINATION', records: 1 }]);
    expect(one.byDestination).toEqual([{ key: 'ABROAD', records: 1 }]);
  });

  it('the CSV (French spreadsheet convention) and the XLSX export carry the record', async () => {
    const res = await fetch(`${api.url}/evaluation/records.csv?from=${meeting.month}&to=${meeting.month}`, { headers: admin });
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the byte-order mark Excel needs for the accents
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0].split(';').slice(0, 6)).toEqual(['"Référence"', '"Date"', '"Début"', '"Fin"', '"Point"', '"Issue"']);
    const row = lines.find((l) => l.startsWith(`"${meeting.reference}"`))!;
    expect(row).toContain('"Réalisée"');
    expect(row).toMatch(/;\d+,\d{3};/); // CO2e in kg with a decimal comma
    const xlsx = await fetch(`${api.url}/evaluation/records.xlsx?from=${meeting.month}&to=${meeting.month}`, { headers: admin });
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    const anonymous = await fetch(`${api.url}/evaluation/records.csv?from=${meeting.month}&to=${meeting.month}`);
    expect(anonymous.status).toBe(401);
  });

  it('rebuilding every record from the state gives the same rows and the same metrics', async () => {
    const snapshot = () => api.sql(`SELECT to_jsonb(r) - 'recorded_at' - 'updated_at' AS row FROM meeting_record r ORDER BY reservation_id`);
    const rollup = () => api.sql(`SELECT to_jsonb(r) AS row FROM meeting_record_rollup r ORDER BY 1`);
    const [before, rollupBefore] = [await snapshot(), await rollup()];
    const metricsBefore = expectData(await api.gql<MetricsData>(METRICS, { f: { from: meeting.month, to: meeting.month } }, admin));
    await api.sql(`DELETE FROM meeting_record_rollup`);
    await api.sql(`DELETE FROM meeting_record`);
    expect(expectData(await api.gql<{ rebuildMeetingRecords: number }>(`mutation { rebuildMeetingRecords }`, {}, admin)).rebuildMeetingRecords).toBe(before.length);
    expect(await snapshot()).toEqual(before);
    expect(await rollup()).toEqual(rollupBefore);
    expect(expectData(await api.gql<MetricsData>(METRICS, { f: { from: meeting.month, to: meeting.month } }, admin))).toEqual(metricsBefore);
    expectError(await api.gql(`mutation { rebuildMeetingRecords }`, {}), 'UNAUTHENTICATED');
  });
});
