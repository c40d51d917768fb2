// Lossless glossary edits on file shapes the main edit property does not generate (seeded; `npm run fuzz` runs longer).
import { test } from 'node:test';
import { LOSSLESS_PROPERTIES } from '../fuzz/losslessProperties';
import { runBounded } from '../fuzz/registry';

for (const property of LOSSLESS_PROPERTIES) test(property.name, () => runBounded(property));
