// What a correction in place sends: only the fields that changed; an optional one emptied is removed (null).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changedFields, savedNotice } from '../../main/resources/META-INF/resources/app/row-edit.js';

const zoe = { name: 'Zoe', email: 'zoe@acme.exmaple', role: 'CEO' };

test('only what changed is sent', () => {
  assert.deepEqual(changedFields(zoe, [{ key: 'name', value: 'Zoe' }, { key: 'email', value: 'zoe@acme.example' },
    { key: 'role', value: 'CEO', optional: true }]), { email: 'zoe@acme.example' });
  assert.deepEqual(changedFields(zoe, [{ key: 'name', value: 'Zoe' }]), {});
});

test('an optional field emptied is removed, a missing one set', () => {
  assert.deepEqual(changedFields(zoe, [{ key: 'role', value: '  ', optional: true }]), { role: null });
  assert.deepEqual(changedFields({ name: 'Al', role: null }, [{ key: 'role', value: '', optional: true }]), {});
  assert.deepEqual(changedFields({ name: 'Al', role: null }, [{ key: 'role', value: 'CTO', optional: true }]), { role: 'CTO' });
  assert.deepEqual(changedFields({ name: 'Acme' }, [{ key: 'website', value: 'acme.example', optional: true }]), { website: 'acme.example' });
});

test('a required field emptied is sent as typed, for the API to refuse with its reason', () => {
  assert.deepEqual(changedFields(zoe, [{ key: 'name', value: '' }]), { name: '' });
});

test('a saved new address says that the interviews already sent invite it; other corrections say saved', () => {
  assert.equal(savedNotice('Zoe', { email: 'zoe@acme.example' }), 'Zoe is saved. Interviews already sent to them now invite zoe@acme.example.');
  assert.equal(savedNotice('Zoe', { role: null }), 'Zoe is saved.');
});
