// Towns a visitor can search near, with their coordinates (town halls, WGS 84, rounded). The directory
// also adds the towns of the seeded points it has loaded, so every point's town can be searched.
export interface Town {
  name: string;
  latitude: number;
  longitude: number;
}

export const BRITTANY_TOWNS: readonly Town[] = [
  { name: 'Auray', latitude: 47.668, longitude: -2.982 },
  { name: 'Brest', latitude: 48.3904, longitude: -4.4861 },
  { name: 'Carhaix-Plouguer', latitude: 48.2757, longitude: -3.5727 },
  { name: 'Concarneau', latitude: 47.8753, longitude: -3.9189 },
  { name: 'Dinan', latitude: 48.4555, longitude: -2.0503 },
  { name: 'Fougères', latitude: 48.3524, longitude: -1.1986 },
  { name: 'Guingamp', latitude: 48.5619, longitude: -3.15 },
  { name: 'Lamballe', latitude: 48.469, longitude: -2.5167 },
  { name: 'Landerneau', latitude: 48.4508, longitude: -4.2494 },
  { name: 'Lannion', latitude: 48.7326, longitude: -3.4566 },
  { name: 'Lorient', latitude: 47.7483, longitude: -3.3702 },
  { name: 'Loudéac', latitude: 48.1779, longitude: -2.7535 },
  { name: 'Morlaix', latitude: 48.5776, longitude: -3.8275 },
  { name: 'Paimpol', latitude: 48.778, longitude: -3.0475 },
  { name: 'Ploërmel', latitude: 47.9317, longitude: -2.3975 },
  { name: 'Pontivy', latitude: 48.0685, longitude: -2.9628 },
  { name: 'Quimper', latitude: 47.9961, longitude: -4.1025 },
  { name: 'Quimperlé', latitude: 47.8728, longitude: -3.5497 },
  { name: 'Redon', latitude: 47.6517, longitude: -2.0844 },
  { name: 'Rennes', latitude: 48.1173, longitude: -1.6778 },
  { name: 'Saint-Brieuc', latitude: 48.5136, longitude: -2.7653 },
  { name: 'Saint-Malo', latitude: 48.6493, longitude: -2.0257 },
  { name: 'Vannes', latitude: 47.6582, longitude: -2.7608 },
  { name: 'Vitré', latitude: 48.1236, longitude: -1.2086 },
];

/** Lower case, no accents, hyphens and apostrophes as spaces: "Saint-Brieuc" = "saint brieuc". */
export function normaliseTownName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[-'’\s]+/g, ' ')
    .trim();
}

/** The shipped towns plus those of the given points (first coordinate seen wins), sorted by name. */
export function townList(points: readonly Town[]): Town[] {
  const byName = new Map<string, Town>();
  for (const town of [...BRITTANY_TOWNS, ...points]) {
    const key = normaliseTownName(town.name);
    if (!byName.has(key)) byName.set(key, { name: town.name, latitude: town.latitude, longitude: town.longitude });
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

export function findTown(towns: readonly Town[], name: string): Town | undefined {
  const key = normaliseTownName(name);
  return key ? towns.find((t) => normaliseTownName(t.name) === key) : undefined;
}
