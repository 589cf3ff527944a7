import { describe, expect, it } from 'vitest';
import { isPrivateAddress, privateHostOf } from './private-networks.js';

describe('private networks for webhooks', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fd00::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '::ffff:7f00:1',
    '64:ff9b::a9fe:a9fe',
    '64:ff9b::10.0.0.1',
  ])('%s is private', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each([
    '8.8.8.8',
    '172.32.0.1',
    '192.169.0.1',
    '100.128.0.1',
    '2001:4860:4860::8888',
    '::ffff:808:808',
    '64:ff9b::808:808',
  ])('%s is public', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });

  it('finds a private host written in the URL, not one behind a name', () => {
    expect(privateHostOf('http://169.254.169.254/latest/meta-data')).toBe('169.254.169.254');
    expect(privateHostOf('http://[::1]:22/')).toBe('::1');
    expect(privateHostOf('http://LOCALHOST:3000/hook')).toBe('localhost');
    expect(privateHostOf('http://api.localhost/hook')).toBe('api.localhost');
    expect(privateHostOf('http://0x7f.1/hook')).toBe('127.0.0.1');
    expect(privateHostOf('http://[::ffff:127.0.0.1]/hook')).toBe('::ffff:7f00:1');
    expect(privateHostOf('https://hooks.example.com/emanifest')).toBeUndefined();
    expect(privateHostOf('https://8.8.8.8/hook')).toBeUndefined();
  });
});
