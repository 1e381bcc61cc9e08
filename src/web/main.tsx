import 'govuk-frontend/dist/govuk/govuk-frontend.min.css';
import './app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';

// GOV.UK Frontend's styles for JavaScript-enhanced components key off this class.
document.body.classList.add('js-enabled', 'govuk-frontend-supported');
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
