/**
 * Keeps one module's part of a page from taking the whole page with it. Without it, a part that
 * throws while drawing (say, reading something a partner agency's view of the record leaves out)
 * makes React remove the whole web app, and the person is left with an empty screen and no way on.
 * With it, the rest of the record stays, and the broken part says so in words.
 */
import { Component, type ReactNode } from 'react';

interface Props {
  /** What the part is, for its message: "the private fostering part of this record". */
  what: string;
  children: ReactNode;
}

export class PartBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    // Report it as an uncaught error would be: the browser's console and anything watching for page errors see it.
    if (typeof globalThis.reportError === 'function') globalThis.reportError(error);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="govuk-inset-text" role="alert" data-testid="part-failed">
        {`Safeguard could not show ${this.props.what}. The rest of the page is as recorded. Reload the page to try again; if it happens again, tell your service desk.`}
      </div>
    );
  }
}
