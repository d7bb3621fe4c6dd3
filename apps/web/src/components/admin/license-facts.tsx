import type { AdminLicenseDto } from '@pf/domain';
import type { ReactNode } from 'react';
import { RelativeTime } from '@/components/relative-time';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import { expiryOf, formatCalendarDate, LICENSE_TYPE_LABEL } from '@/lib/licenses';
import { stateName } from '@/lib/us-states';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[8rem_minmax(0,1fr)] gap-2 py-2 text-sm">
      <dt className="text-gray-500">{label}</dt>
      <dd className="min-w-0 break-words text-gray-900">{children}</dd>
    </div>
  );
}

/** What the store declared about the license, next to the document that should prove it. */
export function LicenseFacts({ license }: { license: AdminLicenseDto }) {
  const expiry = expiryOf(license.expirationDate);
  return (
    <Card>
      <CardHeader>
        <CardTitle>License</CardTitle>
      </CardHeader>
      <CardBody className="py-2">
        <dl className="divide-y divide-gray-100">
          <Fact label="Number">
            <span className="font-mono">{license.number}</span>
          </Fact>
          <Fact label="Type">{LICENSE_TYPE_LABEL[license.type]}</Fact>
          <Fact label="Issuing state">{stateName(license.issuingState)}</Fact>
          <Fact label="Issued">{license.issueDate ? formatCalendarDate(license.issueDate) : 'Not given'}</Fact>
          <Fact label="Expires">
            {license.expirationDate ? (
              <>
                {formatCalendarDate(license.expirationDate)}{' '}
                <span className={expiry.tone === 'danger' ? 'text-red-700' : 'text-gray-600'}>({expiry.text})</span>
              </>
            ) : (
              'Not given'
            )}
          </Fact>
          <Fact label="Submitted">
            <RelativeTime value={license.createdAt} />
          </Fact>
          <Fact label="Document">{license.documentFileName}</Fact>
        </dl>
      </CardBody>
    </Card>
  );
}

export function StoreFacts({ store }: { store: AdminLicenseDto['store'] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Store</CardTitle>
      </CardHeader>
      <CardBody className="py-2">
        <dl className="divide-y divide-gray-100">
          <Fact label="Name">{store.companyName}</Fact>
          <Fact label="Type">
            <span className="capitalize">{store.type}</span>
          </Fact>
          <Fact label="Premises state">{stateName(store.state)}</Fact>
        </dl>
      </CardBody>
    </Card>
  );
}
