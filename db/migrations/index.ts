import type { Migration, MigrationProvider } from 'kysely/migration';
import * as core from './0001_core.ts';
import * as consequences from './0002_consequences.ts';
import * as images from './0003_images.ts';
import * as rollups from './0004_report_rollups.ts';
import * as outboxEffects from './0005_outbox_effects.ts';
import * as importedHistory from './0006_imported_history.ts';
import * as accounts from './0007_accounts.ts';
import * as workflow from './0008_workflow.ts';
import * as search from './0009_search.ts';
import * as bulletins from './0010_bulletins.ts';
import * as searchSpeed from './0011_search_speed.ts';
import * as commissions from './0012_commissions.ts';
import * as commissionRules from './0013_commission_rules.ts';
import * as reportKind from './0014_report_kind.ts';
import * as searchByUnit from './0015_search_by_unit.ts';
import * as searchByPeriod from './0016_search_by_period.ts';
import * as searchChars from './0017_search_chars.ts';
import * as itemsHotUpdates from './0018_items_hot_updates.ts';

/** Every migration, in order. Frozen once landed: add the next file, never edit one. */
const migrations: Record<string, Migration> = {
  '0001_core': core,
  '0002_consequences': consequences,
  '0003_images': images,
  '0004_report_rollups': rollups,
  '0005_outbox_effects': outboxEffects,
  '0006_imported_history': importedHistory,
  '0007_accounts': accounts,
  '0008_workflow': workflow,
  '0009_search': search,
  '0010_bulletins': bulletins,
  '0011_search_speed': searchSpeed,
  '0012_commissions': commissions,
  '0013_commission_rules': commissionRules,
  '0014_report_kind': reportKind,
  '0015_search_by_unit': searchByUnit,
  '0016_search_by_period': searchByPeriod,
  '0017_search_chars': searchChars,
  '0018_items_hot_updates': itemsHotUpdates,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
