import { FlashProvider } from './flash';

export default function MyAbsencesLayout({ children }: { children: React.ReactNode }) {
  return <FlashProvider>{children}</FlashProvider>;
}
