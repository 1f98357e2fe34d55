import { describe, expect, it } from 'vitest';
import {
  availabilityOf,
  type FoldStore,
  foldText,
  groupItems,
  loadFolded,
  saveFolded,
  searchItems,
  toggleFolded,
} from '#lib/menu/browse.ts';
import type { MenuItem } from '#lib/menu/types.ts';

let next = 0;
const item = (name: string, category_id: string | null, available = true) =>
  ({ id: `i${next++}`, name, category_id, available, position: next }) as MenuItem;

const categories = [
  { id: 'starters', name: 'Entrées' },
  { id: 'mains', name: 'Plats' },
  { id: 'drinks', name: 'Boissons' },
];
const items = [
  item('Salade niçoise', 'starters'),
  item('Accras de morue', 'starters', false),
  item('Thiéboudienne', 'mains'),
  item('Côtelettes d’agneau', 'mains'),
  item('Poulet yassa', 'mains', false),
  item('Jus d’hibiscus', 'drinks'),
  item('Café', null),
  item('Orphan', 'deleted-category'),
];
const groups = groupItems(categories, items, 'No category');
const names = (list: ReturnType<typeof searchItems>) =>
  list.map((g) => `${g.id}:${g.items.map((i) => i.name).join(',')}`);

describe('groupItems', () => {
  it('keeps the categories’ order and puts items without a (known) category last', () => {
    expect(groups.map((g) => g.id)).toEqual(['starters', 'mains', 'drinks', '']);
    expect(groups[3]?.name).toBe('No category');
    expect(groups[3]?.items.map((i) => i.name)).toEqual(['Café', 'Orphan']);
  });

  it('keeps an empty category (it can still be folded, jumped to and filled)', () => {
    const withEmpty = groupItems([...categories, { id: 'desserts', name: 'Desserts' }], items, 'x');
    expect(withEmpty.find((g) => g.id === 'desserts')?.items).toEqual([]);
  });
});

describe('searchItems', () => {
  it('changes nothing for an empty or blank query', () => {
    expect(names(searchItems(groups, ''))).toEqual(names(groups));
    expect(names(searchItems(groups, '   '))).toEqual(names(groups));
  });

  it('finds items by part of their name, ignoring case and accents, and drops emptied categories', () => {
    expect(names(searchItems(groups, 'THIEB'))).toEqual(['mains:Thiéboudienne']);
    expect(names(searchItems(groups, 'cote'))).toEqual(['mains:Côtelettes d’agneau']);
    expect(names(searchItems(groups, 'cafe'))).toEqual([':Café']);
  });

  it('finds every item of a category whose name matches', () => {
    expect(names(searchItems(groups, 'entrees'))).toEqual(['starters:Salade niçoise,Accras de morue']);
  });

  it('needs every word, in the item’s or its category’s name', () => {
    expect(names(searchItems(groups, 'plats poulet'))).toEqual(['mains:Poulet yassa']);
    expect(names(searchItems(groups, 'poulet boissons'))).toEqual([]);
  });

  it('finds nothing for a query nothing matches', () => {
    expect(searchItems(groups, 'pizza')).toEqual([]);
  });
});

describe('foldText', () => {
  it('lower-cases, strips accents and trims', () => {
    expect(foldText('  Poulet Mijoté À l’Étouffée ')).toBe('poulet mijote a l’etouffee');
  });
});

describe('availabilityOf', () => {
  it('says all, none, partial (with counts) or empty', () => {
    expect(availabilityOf([])).toEqual({ state: 'empty' });
    expect(availabilityOf([{ available: true }, { available: true }])).toEqual({ state: 'all', total: 2 });
    expect(availabilityOf([{ available: false }])).toEqual({ state: 'none', total: 1 });
    expect(availabilityOf(groups[1]?.items ?? [])).toEqual({ state: 'partial', total: 3, unavailable: 1 });
  });
});

class MemoryStore implements FoldStore {
  values = new Map<string, string>();
  getItem(key: string) {
    return this.values.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.values.set(key, value);
  }
}

describe('fold memory', () => {
  it('remembers the folded categories per restaurant on this device', () => {
    const store = new MemoryStore();
    const folded = toggleFolded(toggleFolded(new Set(), 'mains'), 'drinks');
    saveFolded(store, 'r1', folded, ['starters', 'mains', 'drinks']);
    expect([...loadFolded(store, 'r1')].sort()).toEqual(['drinks', 'mains']);
    expect(loadFolded(store, 'r2').size).toBe(0);
  });

  it('unfolds on a second toggle and forgets categories that no longer exist', () => {
    const store = new MemoryStore();
    const folded = toggleFolded(new Set(['mains', 'gone']), 'mains');
    expect([...folded]).toEqual(['gone']);
    saveFolded(store, 'r1', new Set(['mains', 'gone']), ['mains']);
    expect([...loadFolded(store, 'r1')]).toEqual(['mains']);
  });

  it('treats an unreadable value, a missing or a failing storage as nothing folded', () => {
    const store = new MemoryStore();
    store.setItem('comanda.menu-folded.r1', '{not json');
    expect(loadFolded(store, 'r1').size).toBe(0);
    store.setItem('comanda.menu-folded.r1', '{"a":1}');
    expect(loadFolded(store, 'r1').size).toBe(0);
    store.setItem('comanda.menu-folded.r1', '["a",2,null]');
    expect([...loadFolded(store, 'r1')]).toEqual(['a']);
    expect(loadFolded(undefined, 'r1').size).toBe(0);
    const failing: FoldStore = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(loadFolded(failing, 'r1').size).toBe(0);
    expect(() => saveFolded(failing, 'r1', new Set(['a']), ['a'])).not.toThrow();
  });
});
