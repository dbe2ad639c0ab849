import { describe, expect, it } from 'vitest';
import { chooseReturnWarehouse, isCrossBorderReturn, type ReturnWarehouseChoice } from './return-address.js';

const warehouse = (id: string, country: string, servesCountries: string[] = [], isDefault = false) =>
  ({ id, country, servesCountries, isDefault }) satisfies ReturnWarehouseChoice;

const shenzhen = warehouse('shenzhen', 'CN', [], true);
const lyon = warehouse('lyon-consolidation', 'FR', ['FR', 'BE', 'LU']);
const berlin = warehouse('berlin', 'DE', ['DE', 'AT']);
const vienna = warehouse('vienna', 'AT', ['AT']);

describe('chooseReturnWarehouse', () => {
  it('sends a return to the warehouse that serves the customer country', () => {
    expect(chooseReturnWarehouse([shenzhen, lyon, berlin], 'BE')?.id).toBe('lyon-consolidation');
    expect(chooseReturnWarehouse([shenzhen, lyon, berlin], 'DE')?.id).toBe('berlin');
  });

  it('prefers, among warehouses serving the country, the one standing in it', () => {
    expect(chooseReturnWarehouse([shenzhen, berlin, vienna], 'AT')?.id).toBe('vienna');
  });

  it('takes the first serving warehouse when none stands in the country', () => {
    const munich = warehouse('munich', 'DE', ['CH']);
    const zurichFriendly = warehouse('basel-gate', 'FR', ['CH']);
    expect(chooseReturnWarehouse([munich, zurichFriendly], 'CH')?.id).toBe('munich');
  });

  it('uses a warehouse standing in the country even when its list omits it', () => {
    const paris = warehouse('paris', 'FR', []);
    expect(chooseReturnWarehouse([shenzhen, paris], 'FR')?.id).toBe('paris');
  });

  it('reads country codes in any case and with stray spaces', () => {
    expect(chooseReturnWarehouse([shenzhen, lyon], ' lu ')?.id).toBe('lyon-consolidation');
  });

  it('falls back to the default warehouse for a country nobody serves, or an unknown country', () => {
    expect(chooseReturnWarehouse([lyon, berlin, shenzhen], 'US')?.id).toBe('shenzhen');
    expect(chooseReturnWarehouse([lyon, berlin, shenzhen], null)?.id).toBe('shenzhen');
  });

  it('has no address to give without a match or a default', () => {
    expect(chooseReturnWarehouse([lyon, berlin], 'US')).toBeNull();
    expect(chooseReturnWarehouse([], 'DE')).toBeNull();
  });
});

describe('isCrossBorderReturn', () => {
  it('is cross-border when the customer and the warehouse are in different countries', () => {
    expect(isCrossBorderReturn('FR', 'CN')).toBe(true);
    expect(isCrossBorderReturn('fr', 'FR')).toBe(false);
    expect(isCrossBorderReturn(null, 'FR')).toBe(false);
  });
});
