import { roleAllows } from '@pf/domain';
import type { Metadata } from 'next';
import { PageHeader } from '@/components/page-header';
import { AvatarSettings } from '@/components/settings/avatar-settings';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import { requireUser } from '@/server/access';

export const metadata: Metadata = { title: 'Your profile' };

export default async function AccountPage() {
  const me = await requireUser();
  const store = me.activeStore;
  return (
    <>
      <PageHeader title="Your profile" description="How teammates and trading partners see you." />
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>Profile photo</CardTitle>
          </CardHeader>
          <CardBody>
            {store ? (
              <>
                <AvatarSettings currentUrl={me.avatarUrl} canUpload={roleAllows(store.role, 'manageMedia')} />
                {roleAllows(store.role, 'manageMedia') ? null : (
                  <p className="mt-3 text-sm text-gray-600">
                    Your role in {store.name} cannot upload files. Switch to a store where you can, or ask an owner.
                  </p>
                )}
              </>
            ) : (
              <p className="text-sm text-gray-600">Profile photos are stored with a store: join a store to add one.</p>
            )}
          </CardBody>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Account</CardTitle>
          </CardHeader>
          <CardBody>
            <dl className="space-y-3 text-sm">
              <div>
                <dt className="text-gray-500">Name</dt>
                <dd className="text-gray-900">
                  {me.user.firstName} {me.user.lastName}
                </dd>
              </div>
              <div>
                <dt className="text-gray-500">Email</dt>
                <dd className="break-all text-gray-900">{me.user.email}</dd>
              </div>
              {me.user.phone ? (
                <div>
                  <dt className="text-gray-500">Phone</dt>
                  <dd className="text-gray-900">{me.user.phone}</dd>
                </div>
              ) : null}
            </dl>
          </CardBody>
        </Card>
      </div>
    </>
  );
}
