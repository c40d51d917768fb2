// Incremental versus fresh, in process (seeded; `npm run fuzz` runs longer).
import { test } from 'node:test';
import { INCREMENTAL_PROPERTIES } from '../fuzz/incrementalProperties';
import { runBounded } from '../fuzz/registry';

for (const property of INCREMENTAL_PROPERTIES) test(property.name, () => runBounded(property));
