import { DataSource, type DataSourceOptions } from 'typeorm';
import { ApiKey, Session, User } from '../auth/user.entity';
import { AuditEntry } from '../auth/audit-entry.entity';
import { Organisation } from '../organisations/organisation.entity';
import { Endpoint } from '../points/endpoint.entity';
import { Point } from '../points/point.entity';
import { Room } from '../points/room.entity';
import { Foundation1763840000000 } from './migrations/1763840000000-foundation';
import { Reservations1763850000000 } from './migrations/1763850000000-reservations';
import { Reservation, ReservationChange, ReservationParticipant, RoomSlot } from '../reservations/reservation.entity';
import { Tariffs1763860000000 } from './migrations/1763860000000-tariffs';
import { AdaptersAndDelivery1763870000000 } from './migrations/1763870000000-adapters-and-delivery';
import { AdapterBinding } from '../adapters/adapter-binding.entity';
import { Meetings1763880000000 } from './migrations/1763880000000-meetings';
import { MeetingAttendanceRow, MeetingRow } from '../meetings/meeting.entities';
import { Incidents1796283000000 } from './migrations/1796283000000-incidents';
import { AbuseLimitsAndEmailHolds1796283490385 } from './migrations/1796283490385-abuse-limits-and-email-holds';
import { EndpointDriversAndPreflight1796284209426 } from './migrations/1796284209426-endpoint-drivers-and-preflight';
import { Incident } from '../incidents/incident.entity';
import { Evaluation1796283676506 } from './migrations/1796283676506-evaluation';
import { SipCalls1796290000000 } from './migrations/1796290000000-sip-calls';
import { SipCallRow } from '../sip/sip-call.entity';
import { AllowanceUsageRow, OperatingCostRow, PriceListRow, PriceListVersionRow, ReservationQuoteRow } from '../tariffs/tariff.entities';

export const ENTITIES = [Organisation, Point, Room, Endpoint, User, Session, ApiKey, AuditEntry, Reservation, RoomSlot, ReservationParticipant, ReservationChange, PriceListRow, PriceListVersionRow, ReservationQuoteRow, AllowanceUsageRow, OperatingCostRow, AdapterBinding, MeetingRow, MeetingAttendanceRow, Incident, SipCallRow];
export const MIGRATIONS = [Foundation1763840000000, Reservations1763850000000, Tariffs1763860000000, AdaptersAndDelivery1763870000000, Meetings1763880000000, Incidents1796283000000, AbuseLimitsAndEmailHolds1796283490385, Evaluation1796283676506, EndpointDriversAndPreflight1796284209426, SipCalls1796290000000];

/** Schema by migrations only: `synchronize` stays off. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    extra: { max: Number(process.env.DB_POOL_SIZE ?? 20) },
  };
}

export async function migrate(url: string): Promise<string[]> {
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  try {
    const done = await ds.runMigrations({ transaction: 'each' });
    return done.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}
