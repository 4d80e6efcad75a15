import { addressKeys } from './address';

describe('addressKeys', () => {
  it('keys an IPv4 sender by its address and its /24', () => {
    expect(addressKeys('203.0.113.7')).toEqual({ address: '203.0.113.7', network: '203.0.113.0/24' });
    expect(addressKeys('::ffff:203.0.113.7')).toEqual({ address: '203.0.113.7', network: '203.0.113.0/24' });
  });

  it('keys an IPv6 sender by its /64 and /48, however the address is written', () => {
    const one = addressKeys('2001:db8:1:2::1');
    expect(one).toEqual({ address: '2001:db8:1:2::/64', network: '2001:db8:1::/48' });
    expect(addressKeys('2001:0DB8:0001:0002:ffff:0:0:9')).toEqual(one);
    expect(addressKeys('2001:db8:1:2:aaaa:bbbb:cccc:dddd%eth0')).toEqual(one);
    expect(addressKeys('::1')).toEqual({ address: '0:0:0:0::/64', network: '0:0:0::/48' });
  });

  it('puts addresses it cannot read under one shared key', () => {
    expect(addressKeys(null)).toEqual({ address: 'unknown', network: 'unknown' });
    expect(addressKeys('not an address')).toEqual({ address: 'unknown', network: 'unknown' });
  });
});
