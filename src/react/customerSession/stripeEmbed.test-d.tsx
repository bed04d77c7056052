import type { JSX } from 'react';
import { expectTypeOf } from 'vitest';
import { BuyButton, PricingTable, type BuyButtonProps, type PricingTableProps } from '../../index.js';

// Built by one factory, the two components keep the types they had as function declarations.
expectTypeOf(PricingTable).toEqualTypeOf<(props: PricingTableProps) => JSX.Element>();
expectTypeOf(BuyButton).toEqualTypeOf<(props: BuyButtonProps) => JSX.Element>();
