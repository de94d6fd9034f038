import { registerEnumType } from '@nestjs/graphql';

/** Enumerations shared by entities, GraphQL and validation. Values are stored as text in PostgreSQL. */
export enum OrganisationKind {
  NETWORK_OPERATOR = 'NETWORK_OPERATOR',
  EPCI = 'EPCI',
  COMMUNE = 'COMMUNE',
  ASSOCIATION = 'ASSOCIATION',
  COMPANY = 'COMPANY',
}
export enum HostSiteType {
  EPCI_HEAD_OFFICE = 'EPCI_HEAD_OFFICE',
  BUSINESS_INCUBATOR = 'BUSINESS_INCUBATOR',
  TOWN_HALL = 'TOWN_HALL',
  CYBER_CENTRE = 'CYBER_CENTRE',
  SCHOOL = 'SCHOOL',
  LIBRARY = 'LIBRARY',
  OTHER = 'OTHER',
}
export enum AccessPolicy {
  OPEN_TO_ALL = 'OPEN_TO_ALL',
  COMPANIES_ONLY = 'COMPANIES_ONLY',
  INTERNAL_ONLY = 'INTERNAL_ONLY',
  EPCI_PROJECTS_ONLY = 'EPCI_PROJECTS_ONLY',
}
export enum NetworkLine {
  DEDICATED_ADSL = 'DEDICATED_ADSL',
  SHARED_QOS = 'SHARED_QOS',
  FIBRE = 'FIBRE',
}
export enum PointStatus {
  ACTIVE = 'ACTIVE',
  ON_HOLD = 'ON_HOLD',
  DISMANTLED = 'DISMANTLED',
}
export enum EndpointKind {
  ROOM_SYSTEM = 'ROOM_SYSTEM',
  SOFT_CLIENT = 'SOFT_CLIENT',
  PHONE = 'PHONE',
}
export enum EndpointProtocol {
  SIP = 'SIP',
  H323 = 'H323',
  WEBRTC = 'WEBRTC',
}
export enum Role {
  NETWORK_ADMIN = 'NETWORK_ADMIN',
  ORGANISATION_ADMIN = 'ORGANISATION_ADMIN',
  POINT_OPERATOR = 'POINT_OPERATOR',
  BOOKER = 'BOOKER',
  GUEST = 'GUEST',
}

registerEnumType(OrganisationKind, { name: 'OrganisationKind' });
registerEnumType(HostSiteType, { name: 'HostSiteType' });
registerEnumType(AccessPolicy, { name: 'AccessPolicy' });
registerEnumType(NetworkLine, { name: 'NetworkLine' });
registerEnumType(PointStatus, { name: 'PointStatus' });
registerEnumType(EndpointKind, { name: 'EndpointKind' });
registerEnumType(EndpointProtocol, { name: 'EndpointProtocol' });
registerEnumType(Role, { name: 'Role' });
