import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('example: index.html has no #root element to render into');

// StrictMode on purpose: the kit must create exactly one AccountSession per page load even though
// React mounts, unmounts and mounts every effect twice in development.
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
