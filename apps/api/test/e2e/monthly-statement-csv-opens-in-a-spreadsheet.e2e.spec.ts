import { ADMIN, startTestApi, type TestApi } from '../harness';
import { bookConfirmed, BOOK, bookingInput, nextWeekdayAt, plusMinutes, roomOf, setHours, setPolicy, WEEKDAYS_9_TO_1730 } from '../booking-fixtures';
import { monthOfIso, ok } from '../tariff-fixtures';

jest.setTimeout(60_000);

/** RFC 4180 reader: what a spreadsheet does with the file. */
function parseCsv(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) endCell();
    else if (c === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += c;
  }
  if (cell || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}

describe('the monthly statement of an organisation opens cleanly in a spreadsheet', () => {
  let api: TestApi;
  let admin: Record<string, string>;
  let organisationId: string;
  let month: string;
  const title = 'Comité "budget"; suite';
  beforeAll(async () => {
    api = await startTestApi();
    admin = await api.loginAs(ADMIN.email, ADMIN.password);
    const room = await roomOf(api, 'lannion-tregor-communaute-siege');
    await setHours(api, admin, room.pointId, WEEKDAYS_9_TO_1730);
    await setPolicy(api, admin, room.pointId);
    const start = nextWeekdayAt(2, 10);
    month = monthOfIso(start);
    ok(await bookConfirmed(api, BOOK, { input: bookingInput([room.roomId], start, plusMinutes(start, 120), { title }) }));
    const later = nextWeekdayAt(2, 14);
    ok(await bookConfirmed(api, BOOK, { input: bookingInput([room.roomId], later, plusMinutes(later, 120), { requesterPostcode: '29200', organiser: { name: '=HYPERLINK("x")', email: 'ext@example.org' } }) }));
    [{ organisationId }] = await api.sql<{ organisationId: string }>(`SELECT organisation_id AS "organisationId" FROM point WHERE id = $1`, [room.pointId]);
  });
  afterAll(() => api?.close());

  const get = (format: string, headers: Record<string, string> = admin, m = month) => fetch(`${api.url}/statements/${organisationId}/${m}.csv?format=${format}`, { headers });

  it('French: BOM, `;`, decimal comma, a totals line; a field with a `;` and a quote stays in its cell', async () => {
    const res = await get('fr');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="releve-lannion-tregor-communaute-${month}.csv"`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
    expect(text).toContain('"Comité ""budget""; suite"');
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text, ';');
    const header = rows[0];
    expect(header.slice(0, 3)).toEqual(['Type', 'Référence', 'Date']);
    expect(new Set(rows.map((r) => r.length))).toEqual(new Set([header.length]));
    const col = (name: string) => header.indexOf(name);
    const lines = rows.filter((r) => r[0] === 'LIGNE');
    expect(lines.map((r) => [r[col('Objet')], r[col('Territoire')], r[col('Montant HT')], r[col('TVA')], r[col('Montant TTC')]])).toEqual([
      [title, 'Territoire', '25,00', '5,00', '30,00'],
      ['Réunion de coordination', 'Hors territoire', '37,50', '7,50', '45,00'],
    ]);
    // A text that a spreadsheet would run as a formula is defused.
    expect(lines[1][col('Organisateur')]).toBe(`'=HYPERLINK("x")`);
    const total = rows[rows.length - 1];
    expect([total[0], total[1], total[col('Montant HT')], total[col('TVA')], total[col('Montant TTC')]]).toEqual(['TOTAL', month, '62,50', '12,50', '75,00']);
  });

  it('English: no BOM, `,` and a decimal point', async () => {
    const res = await get('en');
    const text = await res.text();
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    const rows = parseCsv(text, ',');
    expect(rows[0][0]).toBe('Type');
    expect(rows[rows.length - 1].slice(-4)).toEqual(['62.50', '12.50', '75.00', '0']);
  });

  it('for the organisation’s admins only; a bad month is a 400', async () => {
    expect((await get('fr', {})).status).toBe(401);
    expect((await get('fr', admin, '2026-13')).status).toBe(400);
    expect((await get('xls')).status).toBe(400);
  });
});
