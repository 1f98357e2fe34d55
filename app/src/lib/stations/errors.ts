import type { DbFailure } from '#lib/db.ts';
import { describeWriteFailure } from '#lib/i18n/write-errors.ts';
import * as m from '#paraglide/messages.js';

/** The codes of supabase/migrations/…_stations.sql, shared by the stations list, the item editor and the printer form. */
export const stationCodes: Record<string, () => string> = {
  duplicate: m.db_error_station_name_taken,
  station_name_taken: m.db_error_station_name_taken,
  invalid_station_name: m.db_error_invalid_station_name,
  station_in_use: m.db_error_station_in_use,
  station_not_found: m.db_error_station_not_found,
};

/** A refused station write in the user's language. */
export function describeStationsFailure(failure: Pick<DbFailure, 'code' | 'field'>): string {
  return describeWriteFailure(failure, stationCodes);
}
