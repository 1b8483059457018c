import { Component, type ReactNode } from 'react';
import { useApp } from './context.js';

interface Words {
  offline: string;
  failed: string;
  retry: string;
}

/**
 * A part of the app that could not be drawn: most often its code could not be fetched (a first visit that lost the
 * connection before the page's part arrived, before the phone kept a copy). React leaves a failed part failed, so the
 * part is fetched again by reloading: when the connection returns, by itself, or when the person asks.
 */
class Boundary extends Component<{ words: Words; online: boolean; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error(error);
  }

  override componentDidMount(): void {
    window.addEventListener('online', this.reloadIfFailed);
  }

  override componentWillUnmount(): void {
    window.removeEventListener('online', this.reloadIfFailed);
  }

  private readonly reloadIfFailed = () => {
    if (this.state.failed) window.location.reload();
  };

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    const { words, online } = this.props;
    return (
      <div role="alert" className="load-failure" data-testid="load-failure">
        <p>{online ? words.failed : words.offline}</p>
        <button type="button" onClick={() => window.location.reload()}>
          {words.retry}
        </button>
      </div>
    );
  }
}

/** Shows, in words, that a part of the page could not be opened, and opens it again when it can. */
export function LoadFailure({ children }: { children: ReactNode }) {
  const { t, online } = useApp();
  return (
    <Boundary words={{ offline: t('load.offline'), failed: t('load.failed'), retry: t('common.retry') }} online={online}>
      {children}
    </Boundary>
  );
}
