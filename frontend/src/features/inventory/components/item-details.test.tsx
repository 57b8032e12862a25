import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { session } from '@/lib/auth/session';
import { json, mockApi, problem } from '@/testing/mock-api';
import { renderWithProviders } from '@/testing/render';
import { ItemDetails } from './item-details';

const item = { id: 'IT-1', name: 'Cordless drill', sku: 'SKU-1', attachments: [] };
const root = { id: 'root-id', name: '', type: 'folder' };
const manuals = { id: 'folder-1', name: 'Manuals', type: 'folder' };
const pdf = { id: 'file-1', name: 'drill.pdf', type: 'file' };

describe('ItemDetails', () => {
  beforeEach(() => {
    session.accept({ accessToken: 'token-1', expiresIn: 900 });
  });

  it('attaches a file picked from the user’s Files', async () => {
    const api = mockApi()
      .on('GET', '/api/inventory/items/IT-1', json(item))
      .on(
        'GET',
        '/api/files/folders/root/children',
        json({ folder: root, breadcrumbs: [root], items: [manuals], total: 1 }),
      )
      .on(
        'GET',
        '/api/files/folders/folder-1/children',
        json({ folder: manuals, breadcrumbs: [root, manuals], items: [pdf], total: 1 }),
      )
      .on(
        'POST',
        '/api/inventory/items/IT-1/attachments',
        json({ id: 'AT-1', filename: 'drill.pdf', size: 10 }, 201),
      );
    const user = userEvent.setup();
    renderWithProviders(<ItemDetails id="IT-1" />);

    expect(await screen.findByText('No attachments yet.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Attach a file' }));
    await user.click(await screen.findByRole('button', { name: 'Manuals/' }));
    await user.click(await screen.findByRole('button', { name: 'Attach drill.pdf' }));

    expect(
      await screen.findByText('drill.pdf was attached to Cordless drill.'),
    ).toBeInTheDocument();
    expect(api.calls('POST', '/api/inventory/items/IT-1/attachments')[0]?.body).toEqual({
      fileId: 'file-1',
    });
  });

  it('says when attaching fails because InventoryPro is not reachable', async () => {
    mockApi()
      .on('GET', '/api/inventory/items/IT-1', json(item))
      .on(
        'GET',
        '/api/files/folders/root/children',
        json({ folder: root, breadcrumbs: [root], items: [pdf], total: 1 }),
      )
      .on(
        'POST',
        '/api/inventory/items/IT-1/attachments',
        problem(503, { detail: 'InventoryPro is not reachable right now.' }),
      );
    const user = userEvent.setup();
    renderWithProviders(<ItemDetails id="IT-1" />);

    await user.click(await screen.findByRole('button', { name: 'Attach a file' }));
    await user.click(await screen.findByRole('button', { name: 'Attach drill.pdf' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'InventoryPro is not reachable right now.',
    );
  });

  it('shows an unknown item as not available', async () => {
    mockApi().on(
      'GET',
      '/api/inventory/items/IT-9',
      problem(404, { title: 'Item not found', detail: 'InventoryPro has no such item.' }),
    );
    renderWithProviders(<ItemDetails id="IT-9" />);

    expect(await screen.findByRole('alert')).toHaveTextContent('InventoryPro has no such item.');
  });
});
