import { Button, Modal, Text } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { setReauthenticationHandler } from '../../api/client'
import type { SessionInfo } from '../../api/types'
import { SignInForm } from './SignInForm'
import { authApi, sessionQueryKey, useSession } from './session'
import { useSignOut } from './use-sign-out'

interface PendingSignIn {
  resolve: () => void
  reject: (reason: Error) => void
}

/**
 * When the session lapses mid-work, the API client waits here while the same user signs in again on
 * top of the page, so whatever they were typing stays on screen; the failed request is then retried.
 */
export function ReauthenticationDialog() {
  const session = useSession()
  const queryClient = useQueryClient()
  const signOutCompletely = useSignOut()
  const [pending, setPending] = useState<PendingSignIn | null>(null)
  const organizationBefore = useRef(session.currentOrganizationId)
  organizationBefore.current = session.currentOrganizationId

  useEffect(() => {
    setReauthenticationHandler(() => new Promise<void>((resolve, reject) => setPending({ resolve, reject })))
    return () => setReauthenticationHandler(null)
  }, [])

  async function signedIn(fresh: SessionInfo) {
    let restored = fresh
    // Signing in lands in the default organization; go back to the one the page was working in.
    const previous = organizationBefore.current
    if (
      fresh.currentOrganizationId !== previous &&
      fresh.organizations.some((membership) => membership.organizationId === previous)
    ) {
      restored = await authApi.switchOrganization(previous)
    }
    queryClient.setQueryData(sessionQueryKey, restored)
    pending?.resolve()
    setPending(null)
  }

  async function signOut() {
    pending?.reject(new Error('The user chose to sign out'))
    setPending(null)
    await signOutCompletely({ callServer: false })
  }

  return (
    <Modal
      opened={pending !== null}
      onClose={() => {}}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      centered
      zIndex={1000}
      title="Your session has expired"
    >
      <Text size="sm" mb="md">
        To protect client records, sessions end after a period of inactivity. Sign in again to carry on: what
        you entered on this page is kept and will be saved.
      </Text>
      <SignInForm
        fixedUsername={session.user.username}
        onSignedIn={signedIn}
        secondaryAction={
          <Button variant="default" onClick={signOut}>
            Sign out
          </Button>
        }
      />
    </Modal>
  )
}
