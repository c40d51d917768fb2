import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { compareIsoDates, isRoleHeldOn, orderRoles, rolesNamedBy, titleNamesRole } from '../../server/src/core/titles';

describe('titles', () => {
  it('accepts a title written in another word order or shortened', () => {
    assert.equal(titleNamesRole('Deputy Foreign Minister', 'Deputy Minister of Foreign Affairs'), true);
    assert.equal(titleNamesRole('Foreign Minister', 'Minister of Foreign Affairs'), true);
    assert.equal(titleNamesRole('President', 'State President'), true);
    assert.equal(titleNamesRole('Party General Secretary', 'General Secretary'), true);
    assert.equal(titleNamesRole('Premier', 'Prime Minister'), true);
  });

  it('rejects a title of another rank or office', () => {
    assert.equal(titleNamesRole('Foreign Minister', 'Deputy Minister of Foreign Affairs'), false);
    assert.equal(titleNamesRole('Deputy Prime Minister', 'Prime Minister'), false);
    assert.equal(titleNamesRole('Prime Minister', 'State President'), false);
    assert.equal(titleNamesRole('', 'State President'), false);
  });

  it('matches native titles too', () => {
    const roles = [{ title: 'Deputy Minister of Foreign Affairs', native: 'Thứ trưởng Bộ Ngoại giao', from: '2021' }];
    assert.equal(rolesNamedBy('Thứ trưởng Ngoại giao', roles).length, 1);
    assert.equal(rolesNamedBy('Phó Thủ tướng', roles).length, 0);
    // `Bộ trưởng` is a minister, `Thứ trưởng` a deputy minister, although `Bộ` is in both titles.
    assert.equal(rolesNamedBy('Bộ trưởng Ngoại giao', roles).length, 0);
    assert.equal(titleNamesRole('Thủ tướng', 'Thủ tướng Chính phủ'), true);
    assert.equal(titleNamesRole('Chủ tịch nước', 'Chủ tịch Quốc hội'), false);
    assert.equal(titleNamesRole('Tổng Bí thư', 'Bí thư Thành ủy'), false);
  });

  it('compares dates of different precision on their common prefix', () => {
    assert.equal(compareIsoDates('2021', '2021-06-01'), 0);
    assert.equal(compareIsoDates('2021-05', '2021-06-01'), -1);
    assert.equal(compareIsoDates('2024-10-21', '2024-10-20'), 1);
  });

  it('knows when a role was held, bounds included', () => {
    const president = { title: 'State President', from: '2024-05-22', to: '2024-10-21' };
    assert.equal(isRoleHeldOn(president, '2024-10-21'), true);
    assert.equal(isRoleHeldOn(president, '2024-10-22'), false);
    assert.equal(isRoleHeldOn(president, '2024-05-21'), false);
    assert.equal(isRoleHeldOn({ title: 'General Secretary', from: '2024-08-03' }, '2030-01-01'), true);
  });

  it('orders roles with the one held at the date first, then the most recent', () => {
    const roles = [
      { title: 'General Secretary', from: '2024-08-03' },
      { title: 'State President', from: '2024-05-22', to: '2024-10-21' },
      { title: 'Minister of Public Security', from: '2016-04-09', to: '2024-06-06' },
    ];
    assert.deepEqual(orderRoles(roles, '2020-01-01').map((r) => r.title), ['Minister of Public Security', 'General Secretary', 'State President']);
    assert.deepEqual(orderRoles(roles).map((r) => r.title), ['General Secretary', 'State President', 'Minister of Public Security']);
  });
});
