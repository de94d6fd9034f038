/**
 * Seed data of the Maillage network: the network operator and the ~40 sites of the 2015–2016 field
 * study of the Brittany videoconference programme (seeds/000_cc6929f6164acc3e.txt, Annexe 2 from
 * line 4955; Brest métropole's 15 points at lines 4111–4207; rooms and uses in III.1.3, l. 1899–2140).
 *
 * Conventions
 * - Organisation names, street addresses and switchboard numbers are those printed in Annexe 2.
 *   No personal name, personal phone number or e-mail is kept.
 * - `postcode` is the postcode of the commune (e.g. 22300 Lannion), not the CEDEX / BP
 *   distribution code printed in the study (22307 LANNION Cedex); the CS/BP is kept in `address`.
 * - Coordinates are approximate WGS84 coordinates of the town (or of the district, for Brest).
 * - Room capacities, equipment, opening hours, network lines and rules of use follow what the
 *   interviews say about the site when they say something (the study's site number is given in
 *   the comment before each organisation); otherwise they are plausible values, not facts.
 * - Slugs are stable seed keys for idempotent upserts: never rename one.
 */

export type OrganisationKind = 'NETWORK_OPERATOR' | 'EPCI' | 'COMMUNE' | 'ASSOCIATION' | 'COMPANY';
export type HostSiteType =
  | 'EPCI_HEAD_OFFICE'
  | 'BUSINESS_INCUBATOR'
  | 'TOWN_HALL'
  | 'CYBER_CENTRE'
  | 'SCHOOL'
  | 'LIBRARY'
  | 'OTHER';
export type AccessPolicy = 'OPEN_TO_ALL' | 'COMPANIES_ONLY' | 'INTERNAL_ONLY' | 'EPCI_PROJECTS_ONLY';
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7; // ISO: 1 = Monday … 7 = Sunday
export type NetworkLineKind = 'DEDICATED_ADSL' | 'SHARED_QOS' | 'FIBRE';
export type PointStatusKind = 'ACTIVE' | 'ON_HOLD' | 'DISMANTLED';

/** One opening slot of a typical week, local time (Europe/Paris). 'HH:mm'; `closes` may be '24:00'. */
export interface SeedWeeklyRule {
  weekday: Weekday;
  opens: string;
  closes: string;
  /** Open on request only (key hand-over, booking in advance). */
  onRequest?: boolean;
}
export interface SeedRoom {
  name: string;
  capacity: number;
  dedicated: boolean;
  equipment: string[];
}
export interface SeedPoint {
  slug: string;
  name: string;
  hostSiteType: HostSiteType;
  accessPolicy: AccessPolicy;
  address: string;
  postcode: string;
  town: string;
  latitude: number;
  longitude: number;
  /** Only an institutional switchboard printed in the study. */
  phone?: string;
  accessibleReducedMobility: boolean;
  independentEntrance: boolean;
  receptionOnSite: boolean;
  technicianOnSite: boolean;
  networkLine: NetworkLineKind;
  bandwidthKbps: number;
  status: PointStatusKind;
  weekly: SeedWeeklyRule[];
  rulesOfUse?: string;
  rooms: SeedRoom[];
}
export interface SeedOrganisation {
  slug: string;
  name: string;
  kind: OrganisationKind;
  siret?: string;
  address: string;
  postcode: string;
  town: string;
  /** Institutional switchboard printed in the study (maps to Organisation.contactPhone). */
  contactPhone?: string;
  /** Postcodes of the communes of its territory (plausible; always includes its own). */
  territoryPostcodes: string[];
  points: SeedPoint[];
}

// ---------------------------------------------------------------------------------------------
// Opening-hour building blocks
// ---------------------------------------------------------------------------------------------

const MON_FRI: readonly Weekday[] = [1, 2, 3, 4, 5];
const SAT_SUN: readonly Weekday[] = [6, 7];

function slots(days: readonly Weekday[], opens: string, closes: string, onRequest = false): SeedWeeklyRule[] {
  return days.map((weekday) => (onRequest ? { weekday, opens, closes, onRequest: true } : { weekday, opens, closes }));
}

/** Office hours without lunch break, the most common case (e.g. site 36: « ouvert de 9h à 17h30 »). */
const OFFICE_0900_1730 = slots(MON_FRI, '09:00', '17:30');
/** 9:00–18:00, extendable to midnight on request (site 21). */
const OFFICE_0900_1800_EVENING = [...slots(MON_FRI, '09:00', '18:00'), ...slots(MON_FRI, '18:00', '24:00', true)];
/** Office hours with a lunch break. */
const OFFICE_LUNCH_BREAK = [...slots(MON_FRI, '08:30', '12:00'), ...slots(MON_FRI, '13:30', '17:30')];
/** Town hall: lunch break and Saturday morning. */
const TOWN_HALL_SATURDAY = [...OFFICE_LUNCH_BREAK, ...slots([6], '09:00', '12:00')];
/** Office hours, evenings for staff and elected members / companies on request. */
const OFFICE_EVENINGS_ON_REQUEST = [...OFFICE_0900_1730, ...slots(MON_FRI, '17:30', '22:00', true)];
/** Independent entrance, key hand-over: evenings and weekends on request (sites 14, 23). */
const OFFICE_PLUS_KEY = [
  ...OFFICE_0900_1730,
  ...slots(MON_FRI, '17:30', '24:00', true),
  ...slots(SAT_SUN, '08:00', '24:00', true),
];

// ---------------------------------------------------------------------------------------------
// Equipment building blocks
// ---------------------------------------------------------------------------------------------

const KIT_STANDARD = ['codec', 'écran 65"', 'caméra PTZ', 'micro de table', 'télécommande'];
const KIT_CEILING = ['codec', 'écran 65"', 'caméra PTZ', 'micro plafond', 'ClickShare'];
const KIT_MOBILE = ['codec', 'écran 55" sur chariot mobile', 'caméra PTZ', 'micro de table'];
const KIT_PREMIUM = ['codec', '2 écrans 65"', 'caméra PTZ', 'micro plafond', 'ClickShare', 'tablette tactile de commande'];

const CONCIERGE_RULES =
  'Réservation au moins 48 h à l’avance auprès de l’accueil ; créneau de 2 h minimum, installation comprise. ' +
  'Communiquer le nom et le téléphone de chaque participant pour la conciergerie, qui teste la liaison 15 minutes avant la séance.';

const BREST_RULES =
  'Point de visioconférence public de Brest métropole, ouvert à tous (associations, habitants, services publics). ' +
  'Réservation auprès de l’accueil du lieu ; la salle est partagée avec les autres activités du lieu.';

// ---------------------------------------------------------------------------------------------
// Network operator
// ---------------------------------------------------------------------------------------------

export const NETWORK_OPERATOR: SeedOrganisation = {
  slug: 'megalis-bretagne',
  name: 'Mégalis Bretagne',
  kind: 'NETWORK_OPERATOR',
  address: 'Cesson-Sévigné',
  postcode: '35510',
  town: 'Cesson-Sévigné',
  territoryPostcodes: ['35510'],
  points: [],
};

// ---------------------------------------------------------------------------------------------
// Brest métropole's 15 points (l. 4111–4207). The study gives no street address for them: the
// address is the name of the venue. The equipment of the Petits Débrouillards moved to the
// Maison pour tous de Pen ar Créac'h, hence 15 points, all active.
// ---------------------------------------------------------------------------------------------

interface BrestVenue {
  slug: string;
  name: string;
  hostSiteType: HostSiteType;
  address: string;
  postcode: string;
  town: string;
  latitude: number;
  longitude: number;
  weekly: SeedWeeklyRule[];
  room: SeedRoom;
  rulesOfUse?: string;
}

function brestPoint(v: BrestVenue): SeedPoint {
  return {
    slug: v.slug,
    name: v.name,
    hostSiteType: v.hostSiteType,
    accessPolicy: 'OPEN_TO_ALL',
    address: v.address,
    postcode: v.postcode,
    town: v.town,
    latitude: v.latitude,
    longitude: v.longitude,
    accessibleReducedMobility: true,
    independentEntrance: false,
    receptionOnSite: true,
    technicianOnSite: false,
    networkLine: 'SHARED_QOS',
    bandwidthKbps: 2048,
    status: 'ACTIVE',
    weekly: v.weekly,
    rulesOfUse: v.rulesOfUse ?? BREST_RULES,
    rooms: [v.room],
  };
}

const townHallRoom = (name: string, capacity: number): SeedRoom => ({
  name,
  capacity,
  dedicated: false,
  equipment: KIT_STANDARD,
});

const BREST_POINTS: SeedPoint[] = [
  brestPoint({
    slug: 'brest-mairie-gouesnou',
    name: 'Point visio — Mairie de Gouesnou',
    hostSiteType: 'TOWN_HALL',
    address: 'Mairie de Gouesnou',
    postcode: '29850',
    town: 'Gouesnou',
    latitude: 48.4528,
    longitude: -4.465,
    weekly: TOWN_HALL_SATURDAY,
    room: townHallRoom('Salle des commissions', 12),
  }),
  brestPoint({
    slug: 'brest-mairie-guipavas',
    name: 'Point visio — Mairie de Guipavas',
    hostSiteType: 'TOWN_HALL',
    address: 'Mairie de Guipavas',
    postcode: '29490',
    town: 'Guipavas',
    latitude: 48.4347,
    longitude: -4.3994,
    weekly: TOWN_HALL_SATURDAY,
    room: townHallRoom('Salle de réunion de la mairie', 14),
  }),
  brestPoint({
    slug: 'brest-mairie-guilers',
    name: 'Point visio — Mairie de Guilers',
    hostSiteType: 'TOWN_HALL',
    address: 'Mairie de Guilers',
    postcode: '29820',
    town: 'Guilers',
    latitude: 48.4253,
    longitude: -4.5583,
    weekly: OFFICE_LUNCH_BREAK,
    room: townHallRoom('Salle du conseil', 25),
  }),
  brestPoint({
    slug: 'brest-mairie-bohars',
    name: 'Point visio — Mairie de Bohars',
    hostSiteType: 'TOWN_HALL',
    address: 'Mairie de Bohars',
    postcode: '29820',
    town: 'Bohars',
    latitude: 48.4292,
    longitude: -4.5147,
    weekly: TOWN_HALL_SATURDAY,
    room: townHallRoom('Salle des mariages et du conseil', 20),
  }),
  brestPoint({
    slug: 'brest-mairie-plouzane',
    name: 'Point visio — Mairie de Plouzané',
    hostSiteType: 'TOWN_HALL',
    address: 'Mairie de Plouzané',
    postcode: '29280',
    town: 'Plouzané',
    latitude: 48.3817,
    longitude: -4.6189,
    weekly: OFFICE_LUNCH_BREAK,
    room: townHallRoom('Salle de réunion', 10),
  }),
  brestPoint({
    slug: 'brest-mairie-relecq-kerhuon',
    name: 'Point visio — Mairie du Relecq-Kerhuon',
    hostSiteType: 'TOWN_HALL',
    address: 'Mairie du Relecq-Kerhuon',
    postcode: '29480',
    town: 'Le Relecq-Kerhuon',
    latitude: 48.4075,
    longitude: -4.3975,
    weekly: TOWN_HALL_SATURDAY,
    room: townHallRoom('Salle de visioconférence du BARE', 15),
    rulesOfUse:
      BREST_RULES +
      ' Le Bureau Aide à la Recherche d’Emploi (BARE) y diffuse des conférences interactives de la Cité des Métiers, ouvertes à tous et annoncées par affichage municipal.',
  }),
  brestPoint({
    slug: 'brest-plougastel-avel-vor',
    name: 'Point visio — Espace Avel Vor (Mairie de Plougastel-Daoulas)',
    hostSiteType: 'OTHER',
    address: 'Espace socio-culturel Avel Vor',
    postcode: '29470',
    town: 'Plougastel-Daoulas',
    latitude: 48.3725,
    longitude: -4.37,
    weekly: [...OFFICE_0900_1730, ...slots([6], '09:00', '12:00')],
    room: { name: 'Salle de réunion de l’Avel Vor', capacity: 30, dedicated: false, equipment: KIT_CEILING },
  }),
  brestPoint({
    slug: 'brest-mairie-quartier-saint-marc',
    name: 'Point visio — Mairie de quartier de Saint-Marc',
    hostSiteType: 'TOWN_HALL',
    address: 'Mairie de quartier de Saint-Marc',
    postcode: '29200',
    town: 'Brest',
    latitude: 48.3975,
    longitude: -4.445,
    weekly: TOWN_HALL_SATURDAY,
    room: townHallRoom('Salle de réunion de la mairie de quartier', 12),
  }),
  brestPoint({
    slug: 'brest-centre-social-les-amarres',
    name: 'Point visio — Centre social Les Amarres',
    hostSiteType: 'OTHER',
    address: 'Centre social Les Amarres',
    postcode: '29200',
    town: 'Brest',
    latitude: 48.401,
    longitude: -4.432,
    weekly: [...slots(MON_FRI, '09:00', '12:00'), ...slots(MON_FRI, '13:30', '18:30')],
    room: { name: 'Salle d’activités', capacity: 20, dedicated: false, equipment: KIT_MOBILE },
  }),
  brestPoint({
    slug: 'brest-centre-social-kerourien',
    name: 'Point visio — Centre social de Kerourien',
    hostSiteType: 'OTHER',
    address: 'Centre social de Kerourien',
    postcode: '29200',
    town: 'Brest',
    latitude: 48.3965,
    longitude: -4.5155,
    weekly: [...slots(MON_FRI, '09:00', '12:00'), ...slots(MON_FRI, '13:30', '18:30')],
    room: { name: 'Salle polyvalente', capacity: 15, dedicated: false, equipment: KIT_MOBILE },
  }),
  brestPoint({
    slug: 'brest-mission-locale-alsace-lorraine',
    name: 'Point visio — Antenne de la Mission locale',
    hostSiteType: 'OTHER',
    address: 'Antenne de la Mission locale, rue Alsace-Lorraine',
    postcode: '29200',
    town: 'Brest',
    latitude: 48.3893,
    longitude: -4.4872,
    weekly: [...slots(MON_FRI, '09:00', '12:00'), ...slots(MON_FRI, '13:30', '17:00')],
    room: { name: 'Bureau d’entretien', capacity: 4, dedicated: false, equipment: ['codec', 'écran 42"', 'caméra fixe', 'micro de table'] },
  }),
  brestPoint({
    slug: 'brest-cobrem',
    name: 'Point visio — Collectif brestois pour l’emploi (COBREM)',
    hostSiteType: 'OTHER',
    address: 'Collectif brestois pour l’emploi (COBREM)',
    postcode: '29200',
    town: 'Brest',
    latitude: 48.4005,
    longitude: -4.4795,
    weekly: slots(MON_FRI, '08:30', '17:30'),
    room: { name: 'Salle de visioconférence', capacity: 10, dedicated: true, equipment: KIT_STANDARD },
    rulesOfUse:
      BREST_RULES + ' Utilisé principalement par les entreprises d’insertion hébergées et par les associations pour leurs réunions internes.',
  }),
  brestPoint({
    slug: 'brest-mpt-pen-ar-creach',
    name: 'Point visio — Maison pour tous de Pen ar Créac’h',
    hostSiteType: 'OTHER',
    address: 'Maison pour tous de Pen ar Créac’h',
    postcode: '29200',
    town: 'Brest',
    latitude: 48.409,
    longitude: -4.478,
    weekly: [...slots(MON_FRI, '09:00', '12:00'), ...slots(MON_FRI, '14:00', '21:00'), ...slots([6], '09:00', '12:00')],
    room: { name: 'Salle multimédia', capacity: 20, dedicated: false, equipment: KIT_MOBILE },
  }),
  brestPoint({
    slug: 'brest-patronage-laique-louis-guerin',
    name: 'Point visio — Patronage laïque Louis Guérin',
    hostSiteType: 'OTHER',
    address: 'Patronage laïque Louis Guérin',
    postcode: '29200',
    town: 'Brest',
    latitude: 48.395,
    longitude: -4.483,
    weekly: [...slots(MON_FRI, '09:00', '12:00'), ...slots(MON_FRI, '14:00', '19:00')],
    room: { name: 'Salle de réunion', capacity: 15, dedicated: false, equipment: KIT_STANDARD },
  }),
  brestPoint({
    slug: 'brest-cantine-numerique',
    name: 'Point visio — La Cantine numérique de Brest',
    hostSiteType: 'OTHER',
    address: 'La Cantine numérique de Brest',
    postcode: '29200',
    town: 'Brest',
    latitude: 48.3905,
    longitude: -4.4855,
    weekly: slots(MON_FRI, '09:00', '19:00'),
    room: { name: 'Espace de coworking', capacity: 60, dedicated: false, equipment: ['codec', 'vidéoprojecteur', 'caméra PTZ', 'micro sans fil', 'ClickShare'] },
    rulesOfUse: BREST_RULES + ' Adapté surtout aux manifestations rassemblant un large public.',
  }),
];

// ---------------------------------------------------------------------------------------------
// The 40 sites of Annexe 2 (numbers of the study in comments)
// ---------------------------------------------------------------------------------------------

export const SEED_ORGANISATIONS: SeedOrganisation[] = [
  // 1 — « difficile d’accès et de stationnement » ; « pour 8 à 10 personnes ».
  {
    slug: 'saint-brieuc-agglomeration',
    name: 'Saint-Brieuc Agglomération',
    kind: 'EPCI',
    address: '3 place de la Résistance, BP 4403',
    postcode: '22000',
    town: 'Saint-Brieuc',
    contactPhone: '02 96 77 20 00',
    territoryPostcodes: ['22000', '22190', '22360', '22440', '22950', '22120'],
    points: [
      {
        slug: 'saint-brieuc-agglomeration-siege',
        name: 'Point visio de Saint-Brieuc Agglomération',
        hostSiteType: 'EPCI_HEAD_OFFICE',
        accessPolicy: 'OPEN_TO_ALL',
        address: '3 place de la Résistance',
        postcode: '22000',
        town: 'Saint-Brieuc',
        latitude: 48.5141,
        longitude: -2.7603,
        phone: '02 96 77 20 00',
        accessibleReducedMobility: true,
        independentEntrance: false,
        receptionOnSite: true,
        technicianOnSite: true,
        networkLine: 'SHARED_QOS',
        bandwidthKbps: 4096,
        status: 'ACTIVE',
        weekly: OFFICE_0900_1730,
        rulesOfUse: CONCIERGE_RULES,
        rooms: [{ name: 'Salle de réunion visio', capacity: 10, dedicated: false, equipment: KIT_STANDARD }],
      },
    ],
  },
  // 2 — the most used point of the study (69 uses in 2014), booking with RETIS.
  {
    slug: 'lannion-tregor-communaute',
    name: 'Lannion-Trégor Communauté',
    kind: 'EPCI',
    address: '1 rue Monge, CS 10761',
    postcode: '22300',
    town: 'Lannion',
    contactPhone: '02 96 05 09 00',
    territoryPostcodes: ['22300', '22560', '22700', '22730', '22660', '22710'],
    points: [
      {
        slug: 'lannion-tregor-communaute-siege',
        name: 'Point visio de Lannion-Trégor Communauté',
        hostSiteType: 'EPCI_HEAD_OFFICE',
        accessPolicy: 'OPEN_TO_ALL',
        address: '1 rue Monge',
        postcode: '22300',
        town: 'Lannion',
        latitude: 48.7326,
        longitude: -3.4566,
        phone: '02 96 05 09 00',
        accessibleReducedMobility: true,
        independentEntrance: false,
        receptionOnSite: true,
        technicianOnSite: true,
        networkLine: 'DEDICATED_ADSL',
        bandwidthKbps: 2048,
        status: 'ACTIVE',
        weekly: OFFICE_0900_1800_EVENING,
        rulesOfUse:
          'Ouvert aux entreprises, associations, étudiants et demandeurs d’emploi du territoire. ' + CONCIERGE_RULES,
        rooms: [{ name: 'Salle de visioconférence', capacity: 12, dedicated: true, equipment: KIT_CEILING }],
      },
      // Not in the study: a second, illustrative LTC point (its business incubator near the
      // Radôme), added so that the Trégor has a realistic density of points around Lannion.
      {
        slug: 'lannion-tregor-communaute-pole-phoenix',
        name: 'Point visio du Pôle Phoenix (pépinière d’entreprises)',
        hostSiteType: 'BUSINESS_INCUBATOR',
        accessPolicy: 'COMPANIES_ONLY',
        address: 'Pôle Phoenix, route du Radôme',
        postcode: '22560',
        town: 'Pleumeur-Bodou',
        latitude: 48.784,
        longitude: -3.523,
        accessibleReducedMobility: true,
        independentEntrance: true,
        receptionOnSite: true,
        technicianOnSite: false,
        networkLine: 'DEDICATED_ADSL',
        bandwidthKbps: 1024,
        status: 'ACTIVE',
        weekly: OFFICE_EVENINGS_ON_REQUEST,
        rulesOfUse:
          'Réservé aux entreprises hébergées et aux créateurs du territoire ; le forfait pépinière comprend une heure de visioconférence par mois.',
        rooms: [{ name: 'Salle de réunion de la pépinière', capacity: 8, dedicated: false, equipment: KIT_STANDARD }],
      },
    ],
  },
  // 3 — room reserved in the new building; used by companies (e.g. a cooperative) and associations.
  {
    slug: 'lamballe-communaute',
    name: 'Lamballe Communauté',
    kind: 'EPCI',
    address: '41 rue Saint-Martin, CS 90242',
    postcode: '22400',
    town: 'Lamballe',
    territoryPostcodes: ['22400', '22640', '22510', '22270'],
    points: [
      {
        slug: 'lamballe-communaute-siege',
        name: 'Point visio de Lamballe Communauté',
        hostSiteType: 'EPCI_HEAD_OFFICE',
        accessPolicy: 'OPEN_TO_ALL',
        address: '41 rue Saint-Martin',
        postcode: '22400',
        town: 'Lamballe',
        latitude: 48.469,
        longitude: -2.517,
        accessibleReducedMobility: true,
        independentEntrance: false,
        receptionOnSite: true,
        technicianOnSite: true,
        networkLine: 'DEDICATED_ADSL',
        bandwidthKbps: 2048,
        status: 'ACTIVE',
        weekly: OFFICE_0900_1730,
        rulesOfUse: CONCIERGE_RULES,
        rooms: [{ name: 'Salle de visioconférence', capacity: 12, dedicated: true, equipment: KIT_STANDARD }],
      },
    ],
  },
  // 4 — ADSL planned at construction; kit replaced after 1–1.5 years; 5–6 uses a year.
  {
    slug: 'cc-callac-argoat',
    name: 'Communauté de communes de Callac Argoat',
    kind: 'EPCI',
    address: 'Bâtiment communautaire, Parc d’activité de Kerguiniou',
    postcode: '22160',
    town: 'Callac',
    contactPhone: '02 96 45 90 29',
    territoryPostcodes: ['22160', '22110'],
    points: [
      {
        slug: 'cc-callac-argoat-kerguiniou',
        name: 'Point visio de Callac Argoat',
        hostSiteType: 'EPCI_HEAD_OFFICE',
        accessPolicy: 'OPEN_TO_ALL',
        address: 'Bâtiment communautaire, Parc d’activité de Kerguiniou',
        postcode: '22160',
        town: 'Callac',
        latitude: 48.4036,
        longitude: -3.4278,
        phone: '02 96 45 90 29',
        accessibleReducedMobility: true,
        independentEntrance: false,
        receptionOnSite: true,
        technicianOnSite: false,
        networkLine: 'DEDICATED_ADSL',
        bandwidthKbps: 1024,
        status: 'ACTIVE',
        weekly: OFFICE_LUNCH_BREAK,
        rooms: [{ name: 'Salle de réunion communautaire', capacity: 15, dedicated: false, equipment: KIT_STANDARD }],
      },
    ],
  },
  // 5 — « une salle qu’on peut utiliser de façon indépendante par rapport à tout le reste du bâtiment ».
  {
    slug: 'cc-lanvollon-plouha',
    name: 'Communauté de communes Lanvollon-Plouha',
    kind: 'EPCI',
    address: 'Maison du Développement et des Services Publics, Moulin de Blanchardeau, BP 36',
    postcode: '22290',
    town: 'Lanvollon',
    contactPhone: '02 96 70 17 04',
    territoryPostcodes: ['22290', '22580'],
    points: [
      {
        slug: 'cc-lanvollon-plouha-blanchardeau',
        name: 'Point visio de la Maison du Développement (Lanvollon)',
        hostSiteType: 'EPCI_HEAD_OFFICE',
        accessPolicy: 'OPEN_TO_ALL',
        address: 'Maison du Développement et des Services Publics, Moulin de Blanchardeau',
        postcode: '22290',
        town: 'Lanvollon',
        latitude: 48.6317,
        longitude: -2.9856,
        phone: '02 96 70 17 04',
        accessibleReducedMobility: true,
        independentEntrance: true,
        receptionOnSite: true,
        technicianOnSite: true,
        networkLine: 'DEDICATED_ADSL',
        bandwidthKbps: 1024,
        status: 'ACTIVE',
        weekly: OFFICE_0900_1800_EVENING,
        rooms: [{ name: 'Salle de visioconférence', capacity: 12, dedicated: true, equipment: KIT_STANDARD }],
      },
    ],
  },
  // 6 — media centre: small private room, kit on wheels movable to a 50-seat room; « 10 M/S en attendant la fibre ».
  {
    slug: 'le-leff-communaute',
    name: 'Le Leff Communauté',
    kind: 'EPCI',
    address: '31 rue de la Gare',
    postcode: '22170',
    town: 'Châtelaudren',
    contactPhone: '02 96 79 77 77',
    territoryPostcodes: ['22170', '22410'],
    points: [
      {
        slug: 'le-leff-communaute-media-centre',
        name: 'Point visio du média centre du Leff',
        hostSiteType: 'CYBER_CENTRE',
        accessPolicy: 'OPEN_TO_ALL',
        address: '31 rue de la Gare',
        postcode: '22170',
        town: 'Châtelaudren',
        latitude: 48.5392,
        longitude: -2.97,
        phone: '02 96 79 77 77',
        accessibleReducedMobility: true,
        independentEntrance: false,
        receptionOnSite: true,
        technicianOnSite: true,
        networkLine: 'SHARED_QOS',
        bandwidthKbps: 10000,
        status: 'ACTIVE',
        weekly: [...slots(MON_FRI, '09:00', '12:30'), ...slots(MON_FRI, '13:30', '18:00'), ...slots([6], '09:30', '12:30')],
        rulesOfUse: 'Salle animée par le média centre ; réservation auprès de l’animateur.',
        rooms: [
          { name: 'Petite salle du média centre', capacity: 6, dedicated: true, equipment: KIT_MOBILE },
          { name: 'Grande salle (chariot déplacé)', capacity: 50, dedicated: false, equipment: KIT_MOBILE },
        ],
      },
    ],
  },
  // 7 — business hotel; first for its tenants, now free for every company of the territory.
  {
    slug: 'cc-haut-tregor',
    name: 'Communauté de communes du Haut Trégor',
    kind: 'EPCI',
    address: 'Zone de Convenant Vraz',
    postcode: '22220',
    town: 'Minihy-Tréguier',
    contactPhone: '02 96 92 33 46',
    territoryPostcodes: ['22220', '22450', '22820'],
    points: [
      {
        slug: 'cc-haut-tregor-hotel-entreprises',
        name: 'Point visio de l’hôtel d’entreprises du Haut Trégor',
        hostSiteType: 'BUSINESS_INCUBATOR',
        accessPolicy: 'COMPANIES_ONLY',
        address: 'Zone de Convenant Vraz',
        postcode: '22220',
        town: 'Minihy-Tréguier',
        latitude: 48.778,
        longitude: -3.232,
        phone: '02 96 92 33 46',
        accessibleReducedMobility: true,
        independentEntrance: true,
        receptionOnSite: true,
        technicianOnSite: false,
        networkLine: 'DEDICATED_ADSL',
        bandwidthKbps: 1024,
        status: 'ACTIVE',
        weekly: OFFICE_0900_1730,
        rulesOfUse:
          'Mis à disposition des entreprises du territoire. Le règlement prévoit une participation financière.',
        rooms: [{ name: 'Salle de réunion de l’hôtel d’entreprises', capacity: 10, dedicated: false, equipment: KIT_STANDARD }],
      },
    ],
  },
  // 8 — very low use (3 uses in 18–24 months); no tariff defined.
  {
    slug: 'cc-sud-goelo',
    name: 'Communauté de communes du Sud-Goëlo',
    kind: 'EPCI',
    address: '22 rue Pasteur',
    postcode: '22680',
    town: 'Étables-sur-Mer',
    contactPhone: '02 96 70 65 59',
    territoryPostcodes: ['22680', '22410', '22580'],
    points: [
      {
        slug: 'cc-sud-goelo-siege',
        name: 'Point visio du Sud-Goëlo',
        hostSiteType: 'EPCI_HEAD_OFFICE',
        accessPolicy: 'OPEN_TO_ALL',
        address: '22 rue Pasteur',
        postcode: '22680',
        town: 'Étables-sur-Mer',
        latitude: 48.633,
        longitude: -2.833,
        phone: '02 96 70 65 59',
        accessibleReducedMobility: true,
        independentEntrance: false,
        receptionOnSite: true,
        technicianOnSite: true,
        networkLine: 'SHARED_QOS',
        bandwidthKbps: 2048,
        status: 'ACTIVE',
        weekly: OFFICE_LUNCH_BREAK,
        rooms: [{ name: 'Salle du conseil communautaire', capacity: 30, dedicated: false, equipment: KIT_CEILING }],
      },
    ],
  },
  // 9 — « équipée pour une douzaine de personnes avec 2 écrans de 42 pouces […] modulable […] jusqu’à 120 ».
  {
    slug: 'concarneau-cornouaille-agglomeration',
    name: 'Concarneau Cornouaille Agglomération',
    kind: 'EPCI',
    address: '1 rue Victor Schœlcher',
    postcode: '29900',
    town: 'Concarneau',
    contactPhone: '02 98 97 71 50',
    territoryPostcodes: ['29900', '29910', '29140', '29930', '29920'],
    points: [
      {
        slug: 'concarneau-cornouaille-agglomeration-siege',
        name: 'Point visio de Concarneau Cornouaille Agglomération',
        hostSiteType: 'EPCI_HEAD_OFFICE',
        accessPolicy: 'OPEN_TO_ALL',
        address: '1 rue Victor Schœlcher',
        postcode: '29900',
        town: 'Concarneau',
        latitude: 47.8753,
        longitude: -3.9189,
        phone: '02 98 97 71 50',
        accessibleReducedMobility: true,
        independentEntrance: false,
        receptionOnSite: true,
        technicianOnSite: true,
        networkLine: 'DEDICATED_ADSL',
        bandwidthKbps: 2048,
        status: 'ACTIVE',
        weekly: OFFICE_0900_1730,
        rooms: [
          {
            name: 'Salle modulable (12 places face aux écrans)',
            capacity: 120,
            dedicated: false,
            equipment: ['codec', '2 écrans 42"', 'caméra PTZ', 'micro de table'],
          },
        ],
      },
    ],
  },
  // 10 — at the head office (not the incubator); open to privileged partners and incubator firms; 1–2 calls a month.
  {
    slug: 'morlaix-communaute',
    name: 'Morlaix Communauté',
    kind: 'EPCI',
    address: '2B voie d’accès au Port',
    postcode: '29600',
    town: 'Morlaix',
    contactPhone: '02 98 15 31 31',
    territoryPostcodes: ['29600', '29410', '29620', '29660', '29640'],
    points: [
      {
        slug: 'morlaix-communaute-siege',
        name: 'Point visio de Morlaix Communauté',
        hostSiteType: 'EPCI_HEAD_OFFICE',
        accessPolicy: 'COMPANIES_ONLY',
        address: '2B voie d’accès au Port',
        postcode: '29600',
        town: 'Morlaix',
        latitude: 48.5775,
        longitude: -3.828,
        phone: '02 98 15 31 31',
        accessibleReducedMobility: true,
        independentEntrance: false,
        receptionOnSite: true,
        technicianOnSite: true,
        networkLine: 'DEDICATED_ADSL',
        bandwidthKbps: 2048,
        status: 'ACTIVE',
        weekly: OFFICE_0900_1730,
        rulesOfUse:
          'Ouvert aux partenaires de Morlaix Communauté, notamment les entreprises de la pépinière. ' + CONCIERGE_RULES,
        rooms: [{ name: 'Salle de visioconférence', capacity: 12, dedicated: true, equipment: KIT_PREMIUM }],
      },
    ],
  },
  // 11 — Brest métropole (outside the study proper; 15 points, l. 4111–4207). Street address of
  // the Hôtel de métropole is not in the study.
  {
    slug: 'brest-metropole',
    name: 'Brest métropole',
    kind: 'EPCI',
    address: 'Hôtel de métropole, 24 rue Coat-ar-Guéven',
    postcode: '29200',
    town: 'Brest',
    territoryPostcodes: ['29200', '29850', '29490', '29820', '29280', '29480', '29470'],
    points: BREST_POINTS,
  },
  // 12 — mobile kit in the council room, for about twenty people; 4–5 uses a year.
  {
    slug: 'mairie-ouessant',
    name: 'Mairie de Ouessant',
    kind: 'COMMUNE',
    address: 'Bourg de Lampaul',
    postcode: '29242',
    town: 'Ouessant',
    contactPhone: '02 98 48 80 06',
    territoryPostcodes: ['29242'],
    points: [
      {
        slug: 'mairie-ouessant-salle-du-conseil',
        name: 'Point visio de la mairie de Ouessant',
        hostSiteType: 'TOWN_HALL',
        accessPolicy: 'OPEN_TO_ALL',
        address: 'Mairie, bourg de Lampaul',
        postcode: '29242',
        town: 'Ouessant',
        latitude: 48.458,
        longitude: -5.096,
        phone: '02 98 48 80 06',
        accessibleReducedMobility: true,
        independentEntrance: false,
        receptionOnSite: true,
        technicianOnSite: false,
        networkLine: 'DEDICATED_ADSL',
        bandwidthKbps: 512,
        status: 'ACTIVE',
        weekly: [...slots(MON_FRI, '09:00', '12:00'), ...slots([1, 2, 4, 5], '14:00', '16:30')],
        rulesOfUse: 'Réunions extra-insulaires, services publics et santé. Prévenir la mairie au moins une semaine à l’avance.',
        rooms: [{ name: 'Salle du conseil municipal', capacity: 20, dedicated: false, equipment: KIT_MOBILE }],
      },
    ],
  },
  // 13 — council room; cyber-commune and visio set up together; meetings with the marine park.
  {
    slug: 'mairie-ile-molene',
    name: 'Mairie de Molène',
    kind: 'COMMUNE',
    address: 'Mairie',
    postcode: '29259',
    town: 'Île-Molène',
    territoryPostcodes: ['29259'],
    points: [
      {
        slug: 'mairie-ile-molene-salle-du-conseil',
        name: 'Point visio de la mairie de Molène',
        hostSiteType: 'TOWN_HALL',
        accessPolicy: 'OPEN_TO_ALL',
        address: 'Mairie',
        postcode: '29259',
        town: 'Île-Molène',
        latitude: 48.396,
        longitude: -4.956,
        accessibleReducedMobility: false,
        independentEntrance: false,
        receptionOnSite: true,
        technicianOnSite: false,
        networkLine: 'DEDICATED_ADSL',
        bandwidthKbps: 512,
        status: 'ACTIVE',
        weekly: [...slots(MON_FRI, '09:00', '12:00'), ...slots([2, 4], '14:00', '16:00')],
        rulesOfUse: 'Réservation auprès du secrétariat de mairie. Priorité aux réunions des élus et aux usages scolaires.',
        rooms: [{ name: 'Salle du conseil', capacity: 12, dedicated: false, equipment: KIT_MOBILE }],
      },
    ],
  },
  // 14 — « accessible en permanence indépendamment de l’accès aux locaux » ; free.
  {
    slug: 'cc-pays-fouesnantais',
    name: 'Communauté de communes du Pays Fouesnantais',
    kind: 'EPCI',
    address: '11 espace Kerourgue',
    postcode: '29170',
    town: 'Fouesnant',
    contactPhone: '02 98 51 61 27',
    territoryPostcodes: ['29170', '29950', '29940', '29120'],
    points: [
      {
        slug: 'cc-pays-fouesnantais-kerourgue',
        name: 'Point visio du Pays Fouesnantais',
        hostSiteType: 'EPCI_HEAD_OFFICE',
        accessPolicy: 'OPEN_TO_ALL',
        address: '11 espace Kerourgue',
        postcode: '29170',
        town: 'Fouesnant',
        latitude: 47.893,
        longitude: -4.012,
        phone: '02 98 51 61 27',
        accessibleReducedMobility: true,
        independentEntrance: true,
        receptionOnSite: true,
        technicianOnSite: false,
        networkLine: 'DEDICATED_ADSL',
        bandwidthKbps: 2048,
        status: 'ACTIVE',
        weekly: OFFICE_PLUS_KEY,
        rulesOfUse: 'Salle de visioconférence gratuite. En dehors des horaires de bureau, remise de clé sur réservation.',
        rooms: [{ name: 'Salle de visioconférence', capacity: 12, dedicated: true, equipment: KIT_CEILING }],
      },
    ],
  },
  // 15 — « On est une pépinière d’entreprises » : a room for the incubator's companies.
  {
    slug: 'cc-pays-quimperle',
    name: 'Communauté de communes du Pays de Quimperlé (Cocopaq)',
    kind: 'EPCI',
    address: '3 rue Éric Tabarly',
    postcode: '29300',
    town: 'Quimperlé',
    contactPhone: '02 98 35 09 40',
    territoryPostcodes: ['29300', '29350', '29340', '29360', '29390'],
    points: [
      {
        slug: 'cc-pays-quimperle-pepiniere',
        name: 'Point visio de la pépinière d’entreprises de Quimperlé',
        hostSiteType: 'BUSINESS_INCUBATOR',
        accessPolicy: 'COMPANIES_ONLY',
        address: '3 rue Éric Tabarly',
        postcode: '29300',
        town: 'Quimperlé',
        latitude: 47.872,
        longitude: -3.549,
        phone: '02 98 35 09 40',
        accessibleReducedMobility: true,
        independentEntrance: false,
        receptionOnSite: true,
        technicianOnSite: false,
        networkLine: 'DEDICATED_ADSL',
        bandwidthKbps: 1024,
        status: 'ACTIVE',
        weekly: OFFICE_0900_1730,
        rulesOfUse: 'Réservé aux entreprises de la pépinière et du territoire. ' + CONCIERGE_RULES,
        rooms: [{ name: 'Salle de réunion de la pépinière', capacity: 8, dedicated: false, equipment: KIT_STANDARD }],
      },
    ],
  },
  // 16 — incubator, not accessible outside its opening hours; 6–7 big users; staff monthly.
  {
    slug: 'cc-pays-landerneau-daoulas',
    name: 'Communauté de communes du Pays de Landerneau-Daoulas',
    kind: 'EPCI',
    address: 'Maison des services publics, 59 rue de Brest',
    postcode: '29800',
    town: 'Landerneau',
    contactPhone: '02 98 21 37 67',
    territoryPostcodes: ['29800', '29460', '29860', '29220'],
    points: [
      {
        slug: 'cc-pays-landerneau-daoulas-pepiniere',
        name: 'Point visio de la pépinière d’entreprises de Landerneau',
        hostSiteType: 'BUSINESS_INCUBATOR',
        accessPolicy: 'OPEN_TO_ALL',
        address: 'Maison des services publics, 59 rue de Brest',
        postcode: '29800',
        town: 'Landerneau',
        latitude: 48.4508,
        longitude: -4.2494,
        phone: '02 98 21 37 67',
        accessibleReducedMobility: true,
        independentEntrance: false,
        receptionOnSite: true,
        technicianOnSite: false,
        networkLine: 'DEDICATED_ADSL',
        bandwidthKbps: 2048,
        status: 'ACTIVE',
        weekly: OFFICE_LUNCH_BREAK,
        rulesOfUse: 'Accessible uniquement pendant les horaires d’ouverture de la pépinière d’entreprises.',
        rooms: [{ name: 'Salle de visioconférence', capacity: 12, dedicated: true, equipment: KIT_STANDARD }],
      },
    ],
  },
  // 17 — five cyber-communes; « le tarif est attractif, voire gratuit ».
  {
    slug: 'cc-haute-cornouaille',
    name: 'Communauté de communes de Haute Cornouaille',
    kind: 'EPCI',
    address: '6 rue de Morlaix, BP 14',
    postcode: '29520',
    town: 'Châteauneuf-du-Faou',
    contactPhone: '02 98 73 25 36',
    territoryPostcodes: ['29520', '29270', '29530'],
    points: [
      {
        slug: 'cc-haute-cornouaille-siege',
        name: 'Point visio de Haute Cornouaille',
        hostSiteType: 'EPCI_HEAD_OFFICE',
        accessPolicy: 'OPEN_TO_ALL',
        address: '6 rue de Morlaix',
        postcode: '29520',
        town: 'Châteauneuf-du-Faou',
        latitude: 48.188,
        longitude: -3.817,
        phone: '02 98 73 25 36',
        accessibleReducedMobility: true,
        independentEntrance: false,
        receptionOnSite: true,
        technicianOnSite: false,
        networkLine: 'DEDICATED_ADSL',
        bandwidthKbps: 1024,
        status: 'ACTIVE',
        weekly: OFFICE_LUNCH_BREAK,
        rulesOfUse: 'Tarif attractif, gratuit pour les associations du territoire.',
        rooms: [{ name: 'Salle de réunion', capacity: 12, dedicated: false, equipment: KIT_STANDARD }],
      },
    ],
  },
  // 18 — incubator in another building, shared room, no staff on site.
  {
    slug: 'cc-pays-glazik',
    name: 'Communauté de communes du Pays Glazik',
    kind: 'EPCI',
    address: '67 rue du Général de Gaulle',
    postcode: '29510',
    town: 'Briec',
    contactPhone: '02 98 57 70 91',
    territoryPostcodes: ['29510', '29180'],
    points: [
      {
        slug: 'cc-pays-glazik-pepiniere',
        name: 'Point visio de la pépinière d’entreprises du Pays Glazik',
        hostSiteType: 'BUSINESS_INCUBATOR',
        accessPolicy: 'OPEN_TO_ALL',
        address: 'Pépinière d’entreprises du Pays Glazik',
        postcode: '29510',
        town: 'Briec',
        latitude: 48.102,
        longitude: -3.999,
        accessibleReducedMobility: true,
        independentEntrance: true,
        receptionOnSite: false,
        technicianOnSite: false,
        networkLine: 'DEDICATED_ADSL',
        bandwidthKbps: 1024,
        status: 'ACTIVE',
        weekly: OFFICE_0900_1730,
        rulesOfUse: 'Réservation au siège de la communauté de communes, qui remet la clé de la salle.',
        rooms: [{ name: 'Salle partagée de la pépinière', capacity: 10, dedicated: false, equipment: KIT_STANDARD }],
      },
    ],
  },
  // 19 — incubator; free; key given to companies the EPCI knows.
  {
    slug: 'cc-chateaulin-porzay',
    name: 'Communauté de communes de Châteaulin et du Porzay',
    kind: 'EPCI',
    address: 'Quai Robert Alba, CS 60043',
    postcode: '29150',
    town: 'Châteaulin',
    contactPhone: '02 98 16 14 00',
    territoryPostcodes: ['29150', '29550', '29560'],
    points: [
      {
        slug: 'cc-chateaulin-porzay-pepiniere',
        name: 'Point visio de la pépinière d’entreprises de Châteaulin',
        hostSiteType: 'BUSINESS_INCUBATOR',
        accessPolicy: 'COMPANIES_ONLY',
        address: 'Quai Robert Alba',
        postcode: '29150',
        town: 'Châteaulin',
        latitude: 48.1967,
        longitude: -4.09,
        phone: '02 98 16 14 00',
        accessibleReducedMobility: true,
        independentEntrance: true,
        receptionOnSite: true,
        technicianOnSite: false,
        networkLine: 'DEDICATED_ADSL',
        bandwidthKbps: 1024,
        status: 'ACTIVE',
        weekly: OFFICE_EVENINGS_ON_REQUEST,
        rulesOfUse: 'Mise à disposition gratuite des entreprises ; remise de clé pour un usage en dehors des horaires.',
        rooms: [{ name: 'Salle de visioconférence de la pépinière', capacity: 8, dedicated: true, equipment: KIT_STANDARD }],
      },
    ],
  },
  // 20 — in the head office (no reception at the incubator); one of its two meeting rooms; evenings for staff.
  {
    slug: 'cc-pays-roche-aux-fees',
    name: 'Communauté de communes du Pays de la Roche aux Fées',
    kind: 'EPCI',
    address: 'Maison du Développement, 16 rue Louis Pasteur',
    postcode: '35240',
    town: 'Retiers',
    contactPhone: '02 99 43 64 87',
    territoryPostcodes: ['35240', '35150', '35134', '35320'],
    points: [
      {
        slug: 'cc-pays-roche-aux-fees-siege',
        name: 'Point visio de la Roche aux Fées',
        hostSiteType: 'EPCI_HEAD_OFFICE',
        accessPolicy: 'OPEN_TO_ALL',
        address: 'Maison du Développement, 16 rue Louis Pasteur',
        postcode: '35240',
        town: 'Retiers',
        latitude: 47.914,
        longitude: -1.379,
        phone: '02 99 43 64 87',
        accessibleReducedMobility: true,
        independentEntrance: false,
        receptionOnSite: true,
        technicianOnSite: true,
        networkLine: 'SHARED_QOS',
        bandwidthKbps: 2048,
        status: 'ACTIVE',
        weekly: OFFICE_EVENINGS_ON_REQUEST,
        rulesOfUse: 'Public extérieur : horaires de bureau. Agents et élus : également en soirée.',
        rooms: [{ name: 'Salle de réunion du conseil', capacity: 25, dedicated: false, equipment: KIT_CEILING }],
      },
    ],
  },
  // 21 — « salle Trëma de Noyal-sur-Vilaine » ; companies only; 9–18 h, up to midnight or from 5 h if needed.
  {
    slug: 'cc-pays-chateaugiron',
    name: 'Communauté de communes du Pays de Châteaugiron',
    kind: 'EPCI',
    address: '16 rue de Rennes',
    postcode: '35410',
    town: 'Châteaugiron',
    contactPhone: '02 99 37 67 68',
    territoryPostcodes: ['35410', '35530', '35220', '35230'],
    points: [
      {
        slug: 'cc-pays-chateaugiron-salle-trema',
        name: 'Point visio — salle Trëma',
        hostSiteType: 'OTHER',
        accessPolicy: 'COMPANIES_ONLY',
        address: 'Salle Trëma',
        postcode: '35530',
        town: 'Noyal-sur-Vilaine',
        latitude: 48.112,
        longitude: -1.523,
        phone: '02 99 37 67 68',
        accessibleReducedMobility: true,
        independentEntrance: true,
        receptionOnSite: true,
        technicianOnSite: false,
        networkLine: 'DEDICATED_ADSL',
        bandwidthKbps: 2048,
        status: 'ACTIVE',
        weekly: [...slots(MON_FRI, '05:00', '09:00', true), ...OFFICE_0900_1800_EVENING],
        rulesOfUse: 'Mise à disposition des entreprises ; remise des clés avant la séance et retour après.',
        rooms: [{ name: 'Salle de visioconférence Trëma', capacity: 12, dedicated: true, equipment: KIT_PREMIUM }],
      },
    ],
  },
  // 22 — equipped in 2014, « encore en stand by » because of building works; modular room of 20.
  // The phone printed in the study (« 23 15 13 15 ») is malformed and is left out.
  {
    slug: 'cc-cote-emeraude',
    name: 'Communauté de communes de la Côte d’Émeraude',
    kind: 'EPCI',
    address: '1 esplanade des Équipages',
    postcode: '35730',
    town: 'Pleurtuit',
    territoryPostcodes: ['35730', '35800', '35780', '35870'],
    points: [
      {
        slug: 'cc-cote-emeraude-siege',
        name: 'Point visio de la Côte d’Émeraude',
        hostSiteType: 'EPCI_HEAD_OFFICE',
        accessPolicy: 'OPEN_TO_ALL',
        address: '1 esplanade des Équipages',
        postcode: '35730',
        town: 'Pleurtuit',
        latitude: 48.585,
        longitude: -2.056,
        accessibleReducedMobility: true,
        independentEntrance: false,
        receptionOnSite: true,
        technicianOnSite: true,
        networkLine: 'DEDICATED_ADSL',
        bandwidthKbps: 2048,
        status: 'ON_HOLD',
        weekly: OFFICE_0900_1730,
        rulesOfUse: 'Point en attente de remise en service à la fin des travaux du bâtiment.',
        rooms: [{ name: 'Salle modulable', capacity: 20, dedicated: false, equipment: KIT_STANDARD }],
      },
    ],
  },
  // 23 — extension with independent access, evenings and weekends by key; 30 €/2 h (45 € outside), 70 €/105 € a day.
  {
    slug: 'cc-bretagne-romantique',
    name: 'Communauté de communes Bretagne Romantique',
    kind: 'EPCI',
    address: '22 rue des Coteaux',
    postcode: '35190',
    town: 'La Chapelle-aux-Filtzméens',
    contactPhone: '02 99 45 23 45',
    territoryPostcodes: ['35190', '35720', '35270', '35630'],
    points: [
      {
        slug: 'cc-bretagne-romantique-extension',
        name: 'Point visio de la Bretagne Romantique',
        hostSiteType: 'EPCI_HEAD_OFFICE',
        accessPolicy: 'OPEN_TO_ALL',
        address: '22 rue des Coteaux',
        postcode: '35190',
        town: 'La Chapelle-aux-Filtzméens',
        latitude: 48.383,
        longitude: -1.823,
        phone: '02 99 45 23 45',
        accessibleReducedMobility: true,
        independentEntrance: true,
        receptionOnSite: true,
        technicianOnSite: true,
        networkLine: 'DEDICATED_ADSL',
        bandwidthKbps: 2048,
        status: 'ACTIVE',
        weekly: OFFICE_PLUS_KEY,
        rulesOfUse:
          'Location : 30 € les deux heures (45 € hors territoire), 70 € la journée (105 € hors territoire) ; tarif réduit pour les associations et professionnels du territoire. ' +
          'Deux heures minimum. En soirée et le week-end, remise des clés sur réservation.',
        rooms: [{ name: 'Salle de visioconférence', capacity: 12, dedicated: true, equipment: KIT_CEILING }],
      },
    ],
  },
  // 24 — visio space added in the new head-office building, next to the former cyber-commune; recruitment of care staff.
  {
    slug: 'cc-pays-redon',
    name: 'Communauté de communes du Pays de Redon',
    kind: 'EPCI',
    address: '3 rue Charles Sillard, CS 40264',
    postcode: '35600',
    town: 'Redon',
    contactPhone: '02 99 70 34 34',
    territoryPostcodes: ['35600', '35550', '56350'], // its communes in Loire-Atlantique (44) are left out
    points: [
      {
        slug: 'cc-pays-redon-siege',
        name: 'Point visio du Pays de Redon',
        hostSiteType: 'EPCI_HEAD_OFFICE',
        accessPolicy: 'OPEN_TO_ALL',
        address: '3 rue Charles Sillard',
        postcode: '35600',
        town: 'Redon',
        latitude: 47.651,
        longitude: -2.084,
        phone: '02 99 70 34 34',
        accessibleReducedMobility: true,
        independentEntrance: false,
        receptionOnSite: true,
        technicianOnSite: true,
        networkLine: 'SHARED_QOS',
        bandwidthKbps: 4096,
        status: 'ACTIVE',
        weekly: OFFICE_0900_1730,
        rulesOfUse: CONCIERGE_RULES,
        rooms: [{ name: 'Espace visioconférence', capacity: 10, dedicated: true, equipment: KIT_PREMIUM }],
      },
    ],
  },
  // 25 — « jusqu’à 12 personnes devant les écrans » ; incubator package includes one hour a month; free for twinning associations.
  {
    slug: 'cc-pays-dol-baie-mont-saint-michel',
    name: 'Communauté de communes du Pays de Dol de Bretagne et de la Baie du Mont Saint-Michel',
    kind: 'EPCI',
    address: '3 boulevard Victor Planson, BP 36',
    postcode: '35120',
    town: 'Dol-de-Bretagne',
    contactPhone: '02 99 80 90 57',
    territoryPostcodes: ['35120', '35114', '35960'],
    points: [
      {
        slug: 'cc-pays-dol-pepiniere',
        name: 'Point visio de la pépinière d’entreprises de Dol-de-Bretagne',
        hostSiteType: 'BUSINESS_INCUBATOR',
        accessPolicy: 'OPEN_TO_ALL',
        address: '3 boulevard Victor Planson',
        postcode: '35120',
        town: 'Dol-de-Bretagne',
        latitude: 48.549,
        longitude: -1.75,
        phone: '02 99 80 90 57',
        accessibleReducedMobility: true,
        independentEntrance: false,
        receptionOnSite: true,
        technicianOnSite: false,
        networkLine: 'DEDICATED_ADSL',
        bandwidthKbps: 1024,
        status: 'ACTIVE',
        weekly: OFFICE_0900_1730,
        rulesOfUse:
          'Offre faite aux chefs d’entreprise, aux associations et à l’Université. Le forfait pépinière comprend une heure de visioconférence par mois. ' +
          'Gratuit pour les associations de jumelage et les mairies de la communauté.',
        rooms: [{ name: 'Salle de visioconférence', capacity: 12, dedicated: true, equipment: KIT_STANDARD }],
      },
    ],
  },
  // 26 — a « vraie salle de visio » since a year; internal use, or partners on Lorient Agglomération's projects.
  {
    slug: 'lorient-agglomeration',
    name: 'Lorient Agglomération',
    kind: 'EPCI',
    address: '2 boulevard Général Leclerc, CS 20001',
    postcode: '56100',
    town: 'Lorient',
    contactPhone: '02 90 74 71 00',
    territoryPostcodes: ['56100', '56600', '56700', '56270', '56260', '56520'],
    points: [
      {
        slug: 'lorient-agglomeration-siege',
        name: 'Salle de visioconférence de Lorient Agglomération',
        hostSiteType: 'EPCI_HEAD_OFFICE',
        accessPolicy: 'EPCI_PROJECTS_ONLY',
        address: '2 boulevard Général Leclerc',
        postcode: '56100',
        town: 'Lorient',
        latitude: 47.748,
        longitude: -3.366,
        phone: '02 90 74 71 00',
        accessibleReducedMobility: true,
        independentEntrance: false,
        receptionOnSite: true,
        technicianOnSite: true,
        networkLine: 'FIBRE',
        bandwidthKbps: 10000,
        status: 'ACTIVE',
        weekly: OFFICE_0900_1730,
        rulesOfUse:
          'Réservé aux services de Lorient Agglomération et aux partenaires (bureaux d’études, associations, institutions) associés à un projet de l’agglomération.',
        rooms: [{ name: 'Salle de visioconférence', capacity: 16, dedicated: true, equipment: KIT_PREMIUM }],
      },
    ],
  },
  // 27 — long-standing use (Agenda 21, travel plan); communes and firms whose own system is down come here.
  {
    slug: 'agglo-pays-de-vannes',
    name: 'Communauté d’agglomération du Pays de Vannes',
    kind: 'EPCI',
    address: '30 rue Alfred Kastler, CS 70206',
    postcode: '56000',
    town: 'Vannes',
    contactPhone: '02 97 68 14 24',
    territoryPostcodes: ['56000', '56610', '56860', '56880', '56250'],
    points: [
      {
        slug: 'agglo-pays-de-vannes-siege',
        name: 'Point visio de Vannes agglo',
        hostSiteType: 'EPCI_HEAD_OFFICE',
        accessPolicy: 'OPEN_TO_ALL',
        address: '30 rue Alfred Kastler',
        postcode: '56000',
        town: 'Vannes',
        latitude: 47.666,
        longitude: -2.744,
        phone: '02 97 68 14 24',
        accessibleReducedMobility: true,
        independentEntrance: false,
        receptionOnSite: true,
        technicianOnSite: true,
        networkLine: 'SHARED_QOS',
        bandwidthKbps: 4096,
        status: 'ACTIVE',
        weekly: OFFICE_0900_1800_EVENING,
        rulesOfUse: 'Usage prioritaire des agents (plan de déplacement entreprise) ; communes, associations et entreprises accueillies sur demande.',
        rooms: [{ name: 'Salle de visioconférence', capacity: 12, dedicated: true, equipment: KIT_CEILING }],
      },
    ],
  },
  // 28 — installed at the harbour, dismantled in 2014 because of the damp; stored.
  {
    slug: 'mairie-houat',
    name: 'Mairie de Houat',
    kind: 'COMMUNE',
    address: 'Le Bourg',
    postcode: '56170',
    town: 'Houat',
    contactPhone: '02 97 30 68 04',
    territoryPostcodes: ['56170'],
    points: [
      {
        slug: 'mairie-houat-port',
        name: 'Point visio de Houat (port)',
        hostSiteType: 'OTHER',
        accessPolicy: 'OPEN_TO_ALL',
        address: 'Le Port',
        postcode: '56170',
        town: 'Houat',
        latitude: 47.393,
        longitude: -2.959,
        phone: '02 97 30 68 04',
        accessibleReducedMobility: false,
        independentEntrance: true,
        receptionOnSite: false,
        technicianOnSite: false,
        networkLine: 'DEDICATED_ADSL',
        bandwidthKbps: 512,
        status: 'DISMANTLED',
        weekly: [],
        rulesOfUse: 'Équipement démonté en 2014 à cause de l’humidité et stocké en mairie.',
        rooms: [{ name: 'Salle du port', capacity: 8, dedicated: true, equipment: KIT_MOBILE }],
      },
    ],
  },
  // 29 — cyber-centre; the cost of a dedicated line made the new council put the project aside.
  {
    slug: 'mairie-groix',
    name: 'Mairie de Groix',
    kind: 'COMMUNE',
    address: 'Place de la Mairie',
    postcode: '56590',
    town: 'Groix',
    contactPhone: '02 97 86 80 15',
    territoryPostcodes: ['56590'],
    points: [
      {
        slug: 'mairie-groix-cybercentre',
        name: 'Point visio du cybercentre de Groix',
        hostSiteType: 'CYBER_CENTRE',
        accessPolicy: 'OPEN_TO_ALL',
        address: 'Place de la Mairie',
        postcode: '56590',
        town: 'Groix',
        latitude: 47.638,
        longitude: -3.462,
        phone: '02 97 86 80 15',
        accessibleReducedMobility: true,
        independentEntrance: false,
        receptionOnSite: true,
        technicianOnSite: true,
        networkLine: 'DEDICATED_ADSL',
        bandwidthKbps: 512,
        status: 'ON_HOLD',
        weekly: [...slots([2, 3, 4, 5], '10:00', '12:00'), ...slots([2, 3, 4, 5], '14:00', '17:00'), ...slots([6], '10:00', '12:00')],
        rulesOfUse: 'Projet mis de côté : coût de la ligne dédiée et de l’abonnement jugé trop élevé pour la commune.',
        rooms: [{ name: 'Salle du cybercentre', capacity: 8, dedicated: false, equipment: KIT_MOBILE }],
      },
    ],
  },
  // 30 — council room, large; off-centre camera, ceiling mic; free for users of the territory; 10 failures out of 12.
  {
    slug: 'questembert-communaute',
    name: 'Questembert Communauté',
    kind: 'EPCI',
    address: '16 avenue de la Gare',
    postcode: '56230',
    town: 'Questembert',
    contactPhone: '02 97 26 59 51',
    territoryPostcodes: ['56230', '56220', '56190'],
    points: [
      {
        slug: 'questembert-communaute-salle-du-conseil',
        name: 'Point visio de Questembert Communauté',
        hostSiteType: 'EPCI_HEAD_OFFICE',
        accessPolicy: 'OPEN_TO_ALL',
        address: '16 avenue de la Gare',
        postcode: '56230',
        town: 'Questembert',
        latitude: 47.661,
        longitude: -2.453,
        phone: '02 97 26 59 51',
        accessibleReducedMobility: true,
        independentEntrance: false,
        receptionOnSite: true,
        technicianOnSite: true,
        networkLine: 'SHARED_QOS',
        bandwidthKbps: 1024,
        status: 'ACTIVE',
        weekly: OFFICE_0900_1730,
        rulesOfUse: 'Mise à disposition gratuite des usagers du territoire, entreprises et particuliers.',
        rooms: [{ name: 'Salle du conseil communautaire', capacity: 40, dedicated: false, equipment: KIT_CEILING }],
      },
    ],
  },
  // 31 — open to all; 48 h booking form; low bandwidth until the fibre arrives; extra phone.
  {
    slug: 'roi-morvan-communaute',
    name: 'Roi Morvan Communauté',
    kind: 'EPCI',
    address: '13 rue Jacques Rodallec, BP 36',
    postcode: '56110',
    town: 'Gourin',
    contactPhone: '02 97 23 36 90',
    territoryPostcodes: ['56110', '56160', '56320', '56630'],
    points: [
      {
        slug: 'roi-morvan-communaute-siege',
        name: 'Point visio de Roi Morvan Communauté',
        hostSiteType: 'EPCI_HEAD_OFFICE',
        accessPolicy: 'OPEN_TO_ALL',
        address: '13 rue Jacques Rodallec',
        postcode: '56110',
        town: 'Gourin',
        latitude: 48.139,
        longitude: -3.605,
        phone: '02 97 23 36 90',
        accessibleReducedMobility: true,
        independentEntrance: false,
        receptionOnSite: true,
        technicianOnSite: false,
        networkLine: 'DEDICATED_ADSL',
        bandwidthKbps: 512,
        status: 'ACTIVE',
        weekly: OFFICE_LUNCH_BREAK,
        rulesOfUse:
          'Destiné aux entreprises, associations, porteurs de projets et à toute personne qui en a besoin. Dossier de réservation à remplir 48 h avant l’utilisation.',
        rooms: [{ name: 'Salle de visioconférence', capacity: 12, dedicated: true, equipment: [...KIT_STANDARD, 'téléphone de conférence'] }],
      },
    ],
  },
  // 32 — « uniquement utilisé en interne », since late 2014.
  {
    slug: 'pontivy-communaute',
    name: 'Pontivy Communauté',
    kind: 'EPCI',
    address: 'Place Ernest Jan, BP 96',
    postcode: '56300',
    town: 'Pontivy',
    contactPhone: '02 97 25 01 70',
    territoryPostcodes: ['56300', '56920', '56930', '56480'],
    points: [
      {
        slug: 'pontivy-communaute-siege',
        name: 'Point visio de Pontivy Communauté',
        hostSiteType: 'EPCI_HEAD_OFFICE',
        accessPolicy: 'INTERNAL_ONLY',
        address: 'Place Ernest Jan',
        postcode: '56300',
        town: 'Pontivy',
        latitude: 48.068,
        longitude: -2.963,
        phone: '02 97 25 01 70',
        accessibleReducedMobility: true,
        independentEntrance: false,
        receptionOnSite: true,
        technicianOnSite: true,
        networkLine: 'SHARED_QOS',
        bandwidthKbps: 2048,
        status: 'ACTIVE',
        weekly: OFFICE_0900_1730,
        rooms: [{ name: 'Salle de réunion', capacity: 14, dedicated: false, equipment: KIT_STANDARD }],
      },
    ],
  },
  // 33 — available to associations and companies, little promoted.
  {
    slug: 'cc-porhoet',
    name: 'Communauté de communes du Porhoët',
    kind: 'EPCI',
    address: '12 rue du Point du Jour',
    postcode: '56490',
    town: 'La Trinité-Porhoët',
    contactPhone: '02 97 93 93 69',
    territoryPostcodes: ['56490'],
    points: [
      {
        slug: 'cc-porhoet-siege',
        name: 'Point visio du Porhoët',
        hostSiteType: 'EPCI_HEAD_OFFICE',
        accessPolicy: 'OPEN_TO_ALL',
        address: '12 rue du Point du Jour',
        postcode: '56490',
        town: 'La Trinité-Porhoët',
        latitude: 48.098,
        longitude: -2.542,
        phone: '02 97 93 93 69',
        accessibleReducedMobility: true,
        independentEntrance: false,
        receptionOnSite: true,
        technicianOnSite: false,
        networkLine: 'DEDICATED_ADSL',
        bandwidthKbps: 1024,
        status: 'ACTIVE',
        weekly: OFFICE_LUNCH_BREAK,
        rooms: [{ name: 'Salle de réunion', capacity: 10, dedicated: false, equipment: KIT_STANDARD }],
      },
    ],
  },
  // 34 — in the incubator; elected members book it for council meetings; same tariff for all, night use possible.
  {
    slug: 'josselin-communaute',
    name: 'Josselin Communauté',
    kind: 'EPCI',
    address: '3 place des Remparts',
    postcode: '56120',
    town: 'Josselin',
    contactPhone: '02 97 22 24 90',
    territoryPostcodes: ['56120'],
    points: [
      {
        slug: 'josselin-communaute-pepiniere',
        name: 'Point visio de la pépinière d’entreprises de Josselin',
        hostSiteType: 'BUSINESS_INCUBATOR',
        accessPolicy: 'OPEN_TO_ALL',
        address: '3 place des Remparts',
        postcode: '56120',
        town: 'Josselin',
        latitude: 47.955,
        longitude: -2.547,
        phone: '02 97 22 24 90',
        accessibleReducedMobility: true,
        independentEntrance: true,
        receptionOnSite: true,
        technicianOnSite: false,
        networkLine: 'DEDICATED_ADSL',
        bandwidthKbps: 1024,
        status: 'ACTIVE',
        weekly: OFFICE_0900_1800_EVENING,
        rulesOfUse: 'Même tarif pour tous, de jour comme de nuit.',
        rooms: [{ name: 'Salle de visioconférence de la pépinière', capacity: 12, dedicated: true, equipment: KIT_STANDARD }],
      },
    ],
  },
  // 35 — in the theatre room of the cultural centre: music lessons, theatre; hard to find slots.
  {
    slug: 'cc-presquile-de-rhuys',
    name: 'Communauté de communes de la Presqu’île de Rhuys',
    kind: 'EPCI',
    address: 'ZA de Kerollaire Nord',
    postcode: '56370',
    town: 'Sarzeau',
    contactPhone: '02 97 41 31 28',
    territoryPostcodes: ['56370', '56730', '56640'],
    points: [
      {
        slug: 'cc-presquile-de-rhuys-espace-culturel',
        name: 'Point visio de l’espace culturel (Presqu’île de Rhuys)',
        hostSiteType: 'OTHER',
        accessPolicy: 'OPEN_TO_ALL',
        address: 'Espace culturel, salle de théâtre',
        postcode: '56370',
        town: 'Sarzeau',
        latitude: 47.528,
        longitude: -2.765,
        accessibleReducedMobility: true,
        independentEntrance: true,
        receptionOnSite: false,
        technicianOnSite: false,
        networkLine: 'SHARED_QOS',
        bandwidthKbps: 1024,
        status: 'ACTIVE',
        weekly: [...slots([1, 2, 4], '09:00', '12:00'), ...slots([3, 5], '14:00', '17:00')],
        rulesOfUse: 'Salle partagée avec les activités culturelles (théâtre, cours de musique) ; créneaux à demander au service culture.',
        rooms: [{ name: 'Salle de théâtre', capacity: 100, dedicated: false, equipment: KIT_MOBILE }],
      },
    ],
  },
  // 36 — 9:00–17:30, reduced-mobility access; big room (80) with mobile partition; fibre expected within two years.
  {
    slug: 'cc-val-oust-lanvaux',
    name: 'Communauté de communes du Val d’Oust et de Lanvaux',
    kind: 'EPCI',
    address: 'La Paviotaie, CS 80055',
    postcode: '56140',
    town: 'Malestroit',
    contactPhone: '02 97 75 01 02',
    territoryPostcodes: ['56140', '56200', '56220'],
    points: [
      {
        slug: 'cc-val-oust-lanvaux-paviotaie',
        name: 'Point visio de la Paviotaie',
        hostSiteType: 'EPCI_HEAD_OFFICE',
        accessPolicy: 'OPEN_TO_ALL',
        address: 'La Paviotaie',
        postcode: '56140',
        town: 'Malestroit',
        latitude: 47.809,
        longitude: -2.383,
        phone: '02 97 75 01 02',
        accessibleReducedMobility: true,
        independentEntrance: false,
        receptionOnSite: true,
        technicianOnSite: false,
        networkLine: 'DEDICATED_ADSL',
        bandwidthKbps: 1024,
        status: 'ACTIVE',
        weekly: OFFICE_0900_1730,
        rulesOfUse: 'Ouvert de 9 h à 17 h 30 ; sur demande spécifique d’une entreprise, des horaires particuliers peuvent être arrangés.',
        rooms: [{ name: 'Grande salle à cloison mobile', capacity: 80, dedicated: false, equipment: KIT_CEILING }],
      },
    ],
  },
  // 37 — new building (the cyber-base stayed at the media library); never used, never promoted.
  {
    slug: 'cc-mauron-broceliande',
    name: 'Communauté de communes de Mauron en Brocéliande',
    kind: 'EPCI',
    address: 'Place Henri Thébault, BP 30',
    postcode: '56430',
    town: 'Mauron',
    contactPhone: '02 97 22 91 62',
    territoryPostcodes: ['56430', '56490'],
    points: [
      {
        slug: 'cc-mauron-broceliande-siege',
        name: 'Point visio de Mauron en Brocéliande',
        hostSiteType: 'EPCI_HEAD_OFFICE',
        accessPolicy: 'OPEN_TO_ALL',
        address: 'Place Henri Thébault',
        postcode: '56430',
        town: 'Mauron',
        latitude: 48.083,
        longitude: -2.284,
        phone: '02 97 22 91 62',
        accessibleReducedMobility: true,
        independentEntrance: false,
        receptionOnSite: true,
        technicianOnSite: false,
        networkLine: 'DEDICATED_ADSL',
        bandwidthKbps: 1024,
        status: 'ACTIVE',
        weekly: OFFICE_LUNCH_BREAK,
        rooms: [{ name: 'Salle de réunion', capacity: 12, dedicated: false, equipment: KIT_STANDARD }],
      },
    ],
  },
  // 38 — cyberspace, free booking, shared with associations; stopped a few months (no fixed IP), back on a dedicated line.
  {
    slug: 'guer-communaute',
    name: 'Guer Communauté',
    kind: 'EPCI',
    address: 'Hôtel communautaire, 14 rue Clairefontaine, BP 23',
    postcode: '56380',
    town: 'Guer',
    contactPhone: '02 97 22 59 30',
    territoryPostcodes: ['56380'],
    points: [
      {
        slug: 'guer-communaute-cyberespace',
        name: 'Point visio du cyberespace de Guer',
        hostSiteType: 'CYBER_CENTRE',
        accessPolicy: 'OPEN_TO_ALL',
        address: 'Hôtel communautaire, 14 rue Clairefontaine',
        postcode: '56380',
        town: 'Guer',
        latitude: 47.906,
        longitude: -2.122,
        phone: '02 97 22 59 30',
        accessibleReducedMobility: true,
        independentEntrance: false,
        receptionOnSite: true,
        technicianOnSite: true,
        networkLine: 'DEDICATED_ADSL',
        bandwidthKbps: 1024,
        status: 'ACTIVE',
        weekly: [...OFFICE_LUNCH_BREAK, ...slots(MON_FRI, '17:30', '21:00', true)],
        rulesOfUse: 'Réservation gratuite. En dehors des horaires de bureau uniquement en cas de besoin, la salle servant à d’autres réunions.',
        rooms: [{ name: 'Salle du cyberespace', capacity: 16, dedicated: false, equipment: KIT_STANDARD }],
      },
    ],
  },
  // 39 — in a business incubator; booking through Mégalis; an IT person attends first uses.
  {
    slug: 'cc-ploermel',
    name: 'Communauté de communes de Ploërmel',
    kind: 'EPCI',
    address: 'Place de la Mairie, BP 133',
    postcode: '56800',
    town: 'Ploërmel',
    contactPhone: '02 97 73 20 73',
    territoryPostcodes: ['56800', '56460'],
    points: [
      {
        slug: 'cc-ploermel-pepiniere',
        name: 'Point visio de la pépinière d’entreprises de Ploërmel',
        hostSiteType: 'BUSINESS_INCUBATOR',
        accessPolicy: 'COMPANIES_ONLY',
        address: 'Pépinière d’entreprises de Ploërmel',
        postcode: '56800',
        town: 'Ploërmel',
        latitude: 47.932,
        longitude: -2.396,
        accessibleReducedMobility: true,
        independentEntrance: true,
        receptionOnSite: true,
        technicianOnSite: true,
        networkLine: 'DEDICATED_ADSL',
        bandwidthKbps: 2048,
        status: 'ACTIVE',
        weekly: OFFICE_0900_1730,
        rulesOfUse: 'Réservation par l’intermédiaire de Mégalis Bretagne ; un agent du service informatique accompagne les premières utilisations.',
        rooms: [{ name: 'Salle de visioconférence', capacity: 10, dedicated: true, equipment: KIT_STANDARD }],
      },
    ],
  },
  // 40 — the « pays » (grouping six EPCI); used by its own staff, elected members prefer driving.
  {
    slug: 'pays-de-ploermel-coeur-de-bretagne',
    name: 'Pays de Ploërmel – Cœur de Bretagne',
    kind: 'EPCI',
    address: 'Centre d’activités de Ronsouze, CS 30555',
    postcode: '56800',
    town: 'Ploërmel',
    contactPhone: '02 97 74 04 37',
    territoryPostcodes: ['56800', '56120', '56140', '56380', '56430', '56490'],
    points: [
      {
        slug: 'pays-de-ploermel-ronsouze',
        name: 'Point visio du Pays de Ploërmel (Ronsouze)',
        hostSiteType: 'OTHER',
        accessPolicy: 'INTERNAL_ONLY',
        address: 'Centre d’activités de Ronsouze',
        postcode: '56800',
        town: 'Ploërmel',
        latitude: 47.938,
        longitude: -2.41,
        phone: '02 97 74 04 37',
        accessibleReducedMobility: true,
        independentEntrance: false,
        receptionOnSite: true,
        technicianOnSite: false,
        networkLine: 'SHARED_QOS',
        bandwidthKbps: 2048,
        status: 'ACTIVE',
        weekly: OFFICE_LUNCH_BREAK,
        rooms: [{ name: 'Salle de réunion du Pays', capacity: 20, dedicated: false, equipment: KIT_STANDARD }],
      },
    ],
  },
];
