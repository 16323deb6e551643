import type { ReactNode } from 'react';

export function CenteredCard({ children }: { children: ReactNode }) {
  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 16, background: '#f0f2f5' }}>
      <div style={{ width: '100%', maxWidth: 400 }}>{children}</div>
    </div>
  );
}
