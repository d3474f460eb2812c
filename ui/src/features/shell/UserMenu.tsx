import { useEffect, useId, useRef, useState } from 'react';
import { tenantLabel, useCurrentUser } from '../account/currentUser';
import { useSession } from '../auth/session';

/** The signed-in user's name in the top bar; opens their details and the sign-out action. */
export function UserMenu() {
  const { keycloak, signOut } = useSession();
  const { state } = useCurrentUser();
  const [open, setOpen] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const closeOnOutsideClick = (event: PointerEvent) => {
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('pointerdown', closeOnOutsideClick);
    document.addEventListener('keydown', closeOnEscape);
    return () => {
      document.removeEventListener('pointerdown', closeOnOutsideClick);
      document.removeEventListener('keydown', closeOnEscape);
    };
  }, [open]);

  // Until GET /api/me answers, the ID token's name keeps the button from jumping.
  const token = keycloak.idTokenParsed ?? keycloak.tokenParsed;
  const displayName =
    state.status === 'ready' ? state.user.name : (token?.name ?? token?.preferred_username ?? 'Account');

  return (
    <div className="user-menu" ref={container}>
      <button
        ref={button}
        type="button"
        className="user-menu-button"
        data-testid="user-menu"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        {/* Initials come from CSS so the button's text is exactly the display name. */}
        <span className="avatar" data-initials={initials(displayName)} aria-hidden="true" />
        <span className="user-menu-name">{displayName}</span>
        <span className="chevron" aria-hidden="true" />
      </button>
      {open && (
        <div className="user-menu-panel" id={panelId}>
          {state.status === 'ready' && (
            <p className="user-menu-title">{state.user.name}</p>
          )}
          {state.status === 'ready' && (
            <dl className="user-details">
              <dt>Username</dt>
              <dd>{state.user.username}</dd>
              <dt>Email</dt>
              <dd>{state.user.email ?? '—'}</dd>
              <dt>Tenant</dt>
              <dd>{tenantLabel(state.user)}</dd>
            </dl>
          )}
          {state.status === 'loading' && <p className="muted">Loading your profile…</p>}
          {state.status === 'failed' && <p className="muted">Your profile could not be loaded.</p>}
          <button type="button" className="button button-block" onClick={signOut}>
            Sign out
          </button>
        </div>
      )}
    </div>
  );
}

function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase());
  return letters.join('') || '?';
}
