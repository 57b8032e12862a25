import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '@/lib/auth/session';
import { json, mockApi, problem } from '@/testing/mock-api';
import { renderWithProviders } from '@/testing/render';
import { browserLocation } from '../api/start-sso';
import { InventoryPanel } from './inventory-panel';

const drill = {
  id: 'IT-1',
  sku: 'SKU-1',
  name: 'Cordless drill',
  description: '18 V',
  quantity: 7,
  location: 'Shelf B2',
  updatedAt: '2026-11-20T10:00:00Z',
};

const unreachable = problem(503, {
  title: 'InventoryPro is not reachable',
  detail: 'InventoryPro is not reachable right now. Try again in a minute.',
});

function configured() {
  return mockApi().on('GET', '/api/inventory/status', json({ configured: true }));
}

describe('InventoryPanel', () => {
  beforeEach(() => {
    session.accept({ accessToken: 'token-1', expiresIn: 900 });
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('opens InventoryPro at the address with the ticket the server gave', async () => {
    const redirectUrl = 'https://inventory.example.org/sso/login?ticket=ST-abc&service=x';
    const api = configured().on(
      'POST',
      '/api/integrations/inventorypro/sso',
      json({ redirectUrl }),
    );
    const assign = vi.spyOn(browserLocation, 'assign').mockImplementation(() => undefined);
    const user = userEvent.setup();
    renderWithProviders(<InventoryPanel />);

    await user.click(await screen.findByRole('button', { name: 'Open InventoryPro' }));

    await waitFor(() => {
      expect(assign).toHaveBeenCalledWith(redirectUrl);
    });
    expect(
      api.calls('POST', '/api/integrations/inventorypro/sso')[0]?.headers.get('Authorization'),
    ).toBe('Bearer token-1');
  });

  it('says why InventoryPro could not be opened', async () => {
    configured().on('POST', '/api/integrations/inventorypro/sso', unreachable);
    const assign = vi.spyOn(browserLocation, 'assign').mockImplementation(() => undefined);
    const user = userEvent.setup();
    renderWithProviders(<InventoryPanel />);

    await user.click(await screen.findByRole('button', { name: 'Open InventoryPro' }));

    expect(await screen.findByText(/InventoryPro is not reachable right now/)).toBeInTheDocument();
    expect(assign).not.toHaveBeenCalled();
  });

  it('greys out the panel when InventoryPro is not configured', async () => {
    const api = mockApi().on('GET', '/api/inventory/status', json({ configured: false }));
    renderWithProviders(<InventoryPanel />);

    expect(await screen.findByText('InventoryPro is not configured')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Open InventoryPro' })).toBeDisabled();
    expect(screen.queryByRole('search')).not.toBeInTheDocument();
    expect(api.requests).toHaveLength(1);
  });

  it('searches items, lists them and shows the chosen one', async () => {
    const api = configured()
      .on('GET', '/api/inventory/items', json({ items: [drill], total: 1 }))
      .on(
        'GET',
        '/api/inventory/items/IT-1',
        json({ ...drill, attachments: [{ id: 'AT-0', filename: 'manual.pdf', size: 12 }] }),
      );
    const user = userEvent.setup();
    renderWithProviders(<InventoryPanel />);

    await user.type(await screen.findByLabelText('Search items'), 'drill');
    await user.click(screen.getByRole('button', { name: 'Search' }));

    expect(await screen.findByText('1 item found')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Cordless drill/ }));

    const details = await screen.findByRole('article', { name: 'Item Cordless drill' });
    expect(within(details).getByText('Shelf B2')).toBeInTheDocument();
    expect(within(details).getByText('manual.pdf')).toBeInTheDocument();
    expect(api.calls('GET', '/api/inventory/items')).toHaveLength(1);
  });

  it('sends the search text as q', async () => {
    const api = configured().on('GET', '/api/inventory/items', json({ items: [], total: 0 }));
    const user = userEvent.setup();
    renderWithProviders(<InventoryPanel />);

    await user.type(await screen.findByLabelText('Search items'), 'drill bit');
    await user.click(screen.getByRole('button', { name: 'Search' }));

    expect(await screen.findByText('0 items found')).toBeInTheDocument();
    const fetchMock = vi.mocked(fetch);
    expect(fetchMock.mock.calls.at(-1)?.[0]).toBe('/api/inventory/items?q=drill+bit');
    expect(api.calls('GET', '/api/inventory/items')).toHaveLength(1);
  });

  it('says so when InventoryPro is down, and the page stays usable', async () => {
    configured().on('GET', '/api/inventory/items', unreachable);
    const user = userEvent.setup();
    renderWithProviders(<InventoryPanel />);

    await user.click(await screen.findByRole('button', { name: 'Search' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('InventoryPro is not reachable');
    expect(alert).toHaveTextContent('InventoryPro is not reachable right now');
    expect(screen.getByRole('button', { name: 'Open InventoryPro' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Search' })).toBeEnabled();
  });

  it('says once that InventoryPro is down, however many parts of the panel ran into it', async () => {
    configured()
      .on('GET', '/api/inventory/items', json({ items: [drill], total: 1 }))
      .on('GET', '/api/inventory/items', unreachable)
      .on('GET', '/api/inventory/items', json({ items: [drill], total: 1 }))
      .on('GET', '/api/inventory/items/IT-1', json({ ...drill, attachments: [] }))
      .on('POST', '/api/integrations/inventorypro/sso', unreachable);
    const assign = vi.spyOn(browserLocation, 'assign').mockImplementation(() => undefined);
    const user = userEvent.setup();
    renderWithProviders(<InventoryPanel />);

    await user.click(await screen.findByRole('button', { name: 'Search' }));
    await user.click(await screen.findByRole('button', { name: /Cordless drill/ }));
    await screen.findByRole('article', { name: 'Item Cordless drill' });

    // InventoryPro goes down: a new search and the sign-on both fail with 503.
    await user.type(screen.getByLabelText('Search items'), 'x');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await user.click(screen.getByRole('button', { name: 'Open InventoryPro' }));

    await waitFor(() => {
      expect(screen.getAllByRole('alert')).toHaveLength(1);
    });
    expect(screen.getAllByText(/InventoryPro is not reachable right now/)).toHaveLength(1);
    expect(assign).not.toHaveBeenCalled();

    // It answers again: the message goes.
    await user.clear(screen.getByLabelText('Search items'));
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => {
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    });
  });
});
