import { Component, type ReactNode } from 'react';

interface LoadBoundaryProps {
  /** What failed, as the start of a sentence: "The outline and forms". */
  what: string;
  children: ReactNode;
}

/**
 * Around a part of the designer that loads its code on demand. When that code cannot be fetched
 * (the connection dropped, or a new version was deployed since the page was opened) the part says
 * so and offers a reload, and the rest of the designer keeps working. The card is saved in the
 * browser, so a reload loses nothing.
 */
export class LoadBoundary extends Component<LoadBoundaryProps, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <span className="load-failed" role="alert">
        {this.props.what} could not be loaded.{' '}
        <button type="button" className="load-failed-reload" onClick={() => location.reload()}>
          Reload the page
        </button>
      </span>
    );
  }
}
