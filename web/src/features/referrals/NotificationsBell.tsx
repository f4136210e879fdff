import { Anchor, Badge, Button, Group, Popover, ScrollArea, Stack, Text, VisuallyHidden } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { formatDateTime } from '../../components/format'
import { useLiveChannel } from '../../lib/use-live-channel'
import { PATHS } from '../shell/navigation'
import { referralEventsUrl, referralKeys, referralsApi } from './referrals-api'

/** The in-app inbox in the header: new referrals, reminders, stalled and expired notices. */
export function NotificationsBell() {
  const queryClient = useQueryClient()
  const query = useQuery({
    queryKey: referralKeys.notifications,
    queryFn: referralsApi.notifications,
    refetchInterval: 60_000,
  })
  // A referral's change usually brings a notification with it.
  useLiveChannel(referralEventsUrl(), [referralKeys.notifications])
  const refresh = () => queryClient.invalidateQueries({ queryKey: referralKeys.notifications })
  const markRead = useMutation({ mutationFn: referralsApi.markRead, onSuccess: refresh })
  const markAll = useMutation({ mutationFn: referralsApi.markAllRead, onSuccess: refresh })
  const unread = query.data?.unread ?? 0
  return (
    <Popover width={360} position="bottom-end" shadow="md">
      <Popover.Target>
        <Button
          variant="subtle"
          px="xs"
          leftSection={
            <svg
              width="20"
              height="20"
              viewBox="0 0 24 24"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              aria-hidden="true"
            >
              <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
              <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
            </svg>
          }
        >
          <VisuallyHidden>{`Notifications: ${unread} unread`}</VisuallyHidden>
          {unread > 0 && <span aria-hidden="true">{unread}</span>}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Group justify="space-between">
            <Text fw={600}>Notifications</Text>
            {unread > 0 && (
              <Button size="compact-xs" variant="subtle" onClick={() => markAll.mutate()}>
                Mark all read
              </Button>
            )}
          </Group>
          <ScrollArea.Autosize mah={360}>
            <Stack gap="xs">
              {(query.data?.notifications ?? []).length === 0 && (
                <Text size="sm" c="dimmed">
                  Nothing new.
                </Text>
              )}
              {(query.data?.notifications ?? []).map((notification) => (
                <Stack key={notification.id} gap={2}>
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    {!notification.read && (
                      <Badge size="xs" color="blue" variant="filled">
                        New
                      </Badge>
                    )}
                    {notification.referralId ? (
                      <Anchor
                        component={Link}
                        to={`${PATHS.referrals}/${notification.referralId}`}
                        size="sm"
                        onClick={() => !notification.read && markRead.mutate(notification.id)}
                      >
                        {notification.message}
                      </Anchor>
                    ) : (
                      <Text size="sm">{notification.message}</Text>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(notification.createdAt)}
                  </Text>
                </Stack>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  )
}
