import { Avatar, Button, Group, Menu, Text, VisuallyHidden } from '@mantine/core'
import { Link } from '@tanstack/react-router'
import { useState } from 'react'
import type { SessionInfo } from '../../api/types'
import { errorMessage } from '../../components/forms'
import { useSignOut } from '../auth/use-sign-out'
import { PATHS } from './navigation'

function initials(name: string): string {
  const parts = name.trim().split(/\s+/)
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase()
}

export function UserMenu({ session }: { session: SessionInfo }) {
  const signOut = useSignOut()
  const [signOutError, setSignOutError] = useState<string | null>(null)

  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <Button variant="subtle" color="gray" px="xs">
          <Group gap="xs" wrap="nowrap">
            <Avatar size="sm" color="indigo" radius="xl" aria-hidden>
              {initials(session.user.displayName)}
            </Avatar>
            <Text size="sm" fw={500} c="dark" truncate maw={180} visibleFrom="sm">
              {session.user.displayName}
            </Text>
            {/* Small screens show only the initials; the name still labels the button. */}
            <VisuallyHidden hiddenFrom="sm">{session.user.displayName}</VisuallyHidden>
          </Group>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Signed in as {session.user.username}</Menu.Label>
        <Menu.Item component={Link} to={PATHS.account}>
          Account and security
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          color="red"
          closeMenuOnClick={false}
          onClick={() => {
            setSignOutError(null)
            signOut({ callServer: true }).catch((error) => setSignOutError(errorMessage(error)))
          }}
        >
          Sign out
        </Menu.Item>
        {signOutError && (
          <Text size="xs" c="red.9" px="sm" py={4} role="alert">
            Not signed out: {signOutError}
          </Text>
        )}
      </Menu.Dropdown>
    </Menu>
  )
}
