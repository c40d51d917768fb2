// Random incremental edits over stdio against the real server (seeded; `npm run fuzz` runs longer).
import { test } from 'node:test';
import { PROTOCOL_PROPERTIES } from '../fuzz/protocolProperties';
import { runBounded } from '../fuzz/registry';

for (const property of PROTOCOL_PROPERTIES) test(property.name, () => runBounded(property));
