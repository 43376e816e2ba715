import { afterAll, beforeAll, describe } from 'vitest';
import { openStorage } from '../../../storage/open-storage.js';
import { pgAvailable, startPgCluster, type PgCluster } from '../../support/pg-cluster.js';
import { storageContract } from './index.js';

const available = pgAvailable();

describe.skipIf(!available)('storage contract on PostgreSQL', () => {
  let cluster: PgCluster;
  beforeAll(async () => {
    cluster = await startPgCluster();
  }, 180_000);
  afterAll(() => cluster?.stop());

  storageContract(async () => {
    const s = openStorage(await cluster.freshDatabase());
    await s.ready();
    return s;
  });
});
