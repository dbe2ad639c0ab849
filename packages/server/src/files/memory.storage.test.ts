import { describeFileStorage } from './file-storage.contract.js';
import { MemoryStorage } from './memory.storage.js';

describeFileStorage('MemoryStorage', () => new MemoryStorage());
