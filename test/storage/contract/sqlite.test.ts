import { describe } from 'vitest';
import { openStorage } from '../../../storage/open-storage.js';
import { storageContract } from './index.js';

describe('storage contract on SQLite', () => {
  storageContract(async () => openStorage(':memory:'));
});
