// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type MenuEditor, MenuEditorProvider } from '#components/menu/menu-context.tsx';
import { OptionForm, type OptionFormProps } from '#components/menu/option-form.tsx';
import type { DbResult } from '#lib/db.ts';
import type { OptionValues } from '#lib/menu/option-values.ts';

// The refusal's wording is the describer's business (lib/menu/errors.ts); here, where it shows.
vi.mock(import('#lib/menu/errors.ts'), async (importOriginal) => ({
  ...(await importOriginal()),
  describeMenuError: () => 'Out of range.',
}));

const editor: MenuEditor = {
  restaurantId: 'r1',
  money: { currency: 'XOF', exponent: 0, locale: 'fr-CI' },
  menu: () => ({ categories: [], items: [], groups: [], options: [], links: [] }),
  showError: () => undefined,
  refresh: async () => undefined,
  reorder: async () => undefined,
  translate: () => undefined,
};

function renderForm(props: Partial<OptionFormProps> & Pick<OptionFormProps, 'onSave'>) {
  render(() => (
    <MenuEditorProvider value={editor}>
      <OptionForm idPrefix="option-o1-edit" label="Edit option Mayo" submitText="Save" {...props} />
    </MenuEditorProvider>
  ));
  const form = screen.getByRole('form', { name: 'Edit option Mayo' });
  return {
    name: screen.getByLabelText('Option name') as HTMLInputElement,
    delta: screen.getByLabelText('Price change (XOF)') as HTMLInputElement,
    save: () => fireEvent.submit(form),
  };
}

afterEach(cleanup);

describe('OptionForm editing an option', () => {
  it('starts from the stored name and price change', () => {
    const { name, delta } = renderForm({ initial: { name: 'Mayo', price_delta: -250 }, onSave: vi.fn() });
    expect(name.value).toBe('Mayo');
    expect(delta.value).toBe('-250');
  });

  it('sends nothing while the name is empty or the price has decimals XOF does not have', async () => {
    const onSave = vi.fn<(values: OptionValues) => Promise<DbResult<unknown>>>();
    const { name, delta, save } = renderForm({ initial: { name: 'Mayo', price_delta: 0 }, onSave });
    fireEvent.input(name, { target: { value: '   ' } });
    fireEvent.input(delta, { target: { value: '12.5' } });
    save();
    expect(await screen.findByText('Required.')).toBeTruthy();
    expect(screen.getByText('XOF has no decimals: enter a whole amount.')).toBeTruthy();
    expect(delta.getAttribute('aria-invalid')).toBe('true');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('sends the trimmed name and the delta in minor units, and shows a refusal on its field', async () => {
    const onSave = vi.fn(
      async (_values: OptionValues): Promise<DbResult<unknown>> => ({
        ok: false,
        failure: { transient: false, code: '23514', field: 'price_delta', message: 'violates check constraint' },
      }),
    );
    const { name, delta, save } = renderForm({ initial: { name: 'Mayo', price_delta: 0 }, onSave });
    fireEvent.input(name, { target: { value: ' Spicy mayo ' } });
    fireEvent.input(delta, { target: { value: '1 500' } });
    save();
    expect(await screen.findByText('Out of range.')).toBeTruthy();
    expect(onSave).toHaveBeenCalledWith({ name: 'Spicy mayo', price_delta: 1500 });
    expect(delta.getAttribute('aria-describedby')).toContain('option-o1-edit-delta-error');
    // An edit keeps what was typed after a refusal, so it can be corrected.
    expect(name.value).toBe(' Spicy mayo ');
  });
});
