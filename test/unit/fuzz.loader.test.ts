// The glossary loader on random, mutated and garbage YAML (seeded; `npm run fuzz` runs longer).
import { test } from 'node:test';
import { LOADER_PROPERTIES } from '../fuzz/loaderProperties';
import { runBounded } from '../fuzz/registry';

for (const property of LOADER_PROPERTIES) test(property.name, () => runBounded(property));
