// Recognition and the language service on random Unicode text (seeded; `npm run fuzz` runs longer).
import { test } from 'node:test';
import { RECOGNITION_PROPERTIES } from '../fuzz/recognitionProperties';
import { runBounded } from '../fuzz/registry';

for (const property of RECOGNITION_PROPERTIES) test(property.name, () => runBounded(property));
