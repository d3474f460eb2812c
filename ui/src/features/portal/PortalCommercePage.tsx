import { useCallback, useState } from 'react';
import { call } from '../../api/result';
import { useApi } from '../auth/session';
import { RecordList, type RecordDetail } from '../records/RecordList';
import { amount, dataText, type RecordQuery } from '../records/syncedRecords';
import { Page } from '../shell/Page';
import { Tabs } from '../shell/Tabs';

type Resource = 'products' | 'orders';

const TABS = [
  { value: 'products', label: 'Products' },
  { value: 'orders', label: 'Orders' },
] as const;

const DETAILS: Record<Resource, RecordDetail[]> = {
  products: [
    { label: 'Price', value: (record) => amount(record, 'price') },
    { label: 'Stock', value: (record) => dataText(record, 'stock') },
  ],
  orders: [
    { label: 'Customer', value: (record) => dataText(record, 'customerEmail') },
    { label: 'Total', value: (record) => amount(record, 'total') },
  ],
};

/** The client portal's E-commerce tab: products and orders of the tenant's shops (WooCommerce, Shopify). */
export default function PortalCommercePage({ title }: { title: string }) {
  const api = useApi();
  const [shown, setShown] = useState<Resource>('products');
  const load = useCallback(
    (query: RecordQuery, signal: AbortSignal) =>
      call(
        `Loading the ${shown}`,
        api.GET('/api/portal/commerce/{resource}', { params: { path: { resource: shown }, query }, signal }),
      ),
    [api, shown],
  );

  return (
    <Page title={title}>
      <p className="page-intro">
        The products and orders of your shops (WooCommerce, Shopify), as they were when last synced.
      </p>
      <Tabs label="Shop data" tabs={TABS} selected={shown} onSelect={setShown} testId="commerce-tab">
        <RecordList
          key={shown}
          load={load}
          searchLabel={`Search ${shown}`}
          failureTitle={`The ${shown} could not be loaded`}
          loadingText={`Loading ${shown}…`}
          emptyText={`Nothing synced yet: an editor syncs a shop connection's ${shown}.`}
          testIds={{ search: 'portal-search', row: 'portal-row', pager: 'portal' }}
          details={DETAILS[shown]}
        />
      </Tabs>
    </Page>
  );
}
