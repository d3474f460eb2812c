import { Link } from 'react-router-dom';
import { UserMenu } from './UserMenu';

export function TopBar() {
  return (
    <header className="top-bar">
      <Link to="/" className="brand">
        <span className="brand-mark" aria-hidden="true">
          B
        </span>
        Brain
      </Link>
      <UserMenu />
    </header>
  );
}
