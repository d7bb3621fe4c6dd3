import type { Metadata } from 'next';
import { type InboxKind, NotificationsList } from '@/components/notifications/notifications-list';
import { PageHeader } from '@/components/page-header';
import { requireUser } from '@/server/access';

export const metadata: Metadata = { title: 'Notifications' };

export default async function NotificationsPage() {
  const me = await requireUser();
  const inbox: InboxKind = me.activeStore ? 'store' : me.user.systemRole === 'admin' ? 'admins' : 'none';
  const description =
    inbox === 'store'
      ? `Updates for ${me.activeStore?.name}, newest first.`
      : inbox === 'admins'
        ? 'The admin inbox: requests and alerts for administrators, newest first.'
        : 'Updates for your stores, newest first.';
  return (
    <>
      <PageHeader title="Notifications" description={description} />
      <NotificationsList inbox={inbox} />
    </>
  );
}
