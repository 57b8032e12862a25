import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/app';
import '@/app/styles.css';
import { session } from '@/lib/auth/session';

// Ask for a fresh access token while React starts; the refresh cookie survives reloads.
void session.restore();

const container = document.getElementById('root');
if (container === null) {
  throw new Error('index.html has no #root element');
}

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
