// file: app/bank/page.tsx
import { BankLink } from './BankLink';

export default function BankPage() {
  return (
    <main>
      <h1>Link a bank account</h1>
      <BankLink />
    </main>
  );
}
