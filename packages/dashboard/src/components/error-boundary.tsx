import type { ReactNode } from 'react';
import { Component } from 'react';

/**
 * Shows a page's rendering error in place of the page (the rest of the dashboard keeps working); a new route clears it.
 *
 * @example
 * <ErrorBoundary key={location.pathname}><Page /></ErrorBoundary>
 */
export class ErrorBoundary extends Component<{ readonly children: ReactNode }, { readonly error: Error | null }> {
  override state: { readonly error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error): { error: Error } {
    return { error };
  }

  override render(): ReactNode {
    if (this.state.error) {
      return (
        <div className="card" role="alert">
          <h2>This page failed to draw</h2>
          <p className="error">{this.state.error.message}</p>
        </div>
      );
    }
    return this.props.children;
  }
}
