import type { OwnedAccount } from '../../server/SignedInUser';

interface AccountSwitcherProps {
  accounts: OwnedAccount[];
  value: string;
  onChange: (account: string) => void;
}

/** Picks which connected account the Connect components show. The server checks the choice. */
export function AccountSwitcher({ accounts, value, onChange }: AccountSwitcherProps) {
  return (
    <label className="field">
      <span>Connected account</span>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        {accounts.map((account) => (
          <option key={account.id} value={account.id}>
            {account.name} ({account.id})
          </option>
        ))}
      </select>
    </label>
  );
}
