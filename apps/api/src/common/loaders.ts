import DataLoader from 'dataloader';
import type { Organisation } from '../organisations/organisation.entity';
import type { Room } from '../points/room.entity';

/** Per-request batch loaders, so a list of points does not query rooms once per point. */
export interface Loaders {
  roomsByPoint: DataLoader<string, Room[]>;
  organisation: DataLoader<string, Organisation | undefined>;
}

export interface LoaderSources {
  roomsByPoint(ids: readonly string[]): Promise<Room[][]>;
  organisationsById(ids: readonly string[]): Promise<(Organisation | undefined)[]>;
}

export function createLoaders(sources: LoaderSources): Loaders {
  return {
    roomsByPoint: new DataLoader((ids) => sources.roomsByPoint(ids)),
    organisation: new DataLoader((ids) => sources.organisationsById(ids)),
  };
}
