import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startSession } from './app/startSession';
import { StartupScreen } from './app/StartupScreen';
import './styles.css';

const root = createRoot(document.getElementById('root')!);
root.render(<StartupScreen />);

startSession().then(
  (session) =>
    root.render(
      <StrictMode>
        <App session={session} />
      </StrictMode>,
    ),
  (error: unknown) => root.render(<StartupScreen error={error instanceof Error ? error.message : String(error)} />),
);
