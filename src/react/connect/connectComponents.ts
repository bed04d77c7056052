// Every GA Connect embedded component, re-exported untouched from @stripe/react-connect-js so one
// import serves. They read their Connect.js instance from <ConnectProvider>, which also routes
// their load errors and loader starts to its own onError / onLoaderStart. Kept under src/react so
// the built module carries 'use client' (the official package has no directive of its own).
// Read off the namespace one constant each, not re-exported by name: a bundler that leaves the
// official package external (esbuild, size-limit) keeps every name of an `export { … } from`, so
// an app using one component would ship all 21 names; unused constants drop out.
import * as official from '@stripe/react-connect-js';

/** `<ConnectAccountManagement>` from `@stripe/react-connect-js`, unchanged; render it inside `<ConnectProvider>`. */
export const ConnectAccountManagement: typeof official.ConnectAccountManagement = official.ConnectAccountManagement;
/** `<ConnectAccountOnboarding>` from `@stripe/react-connect-js`, unchanged; render it inside `<ConnectProvider>`. */
export const ConnectAccountOnboarding: typeof official.ConnectAccountOnboarding = official.ConnectAccountOnboarding;
/** `<ConnectBalanceReport>` from `@stripe/react-connect-js`, unchanged; render it inside `<ConnectProvider>`. */
export const ConnectBalanceReport: typeof official.ConnectBalanceReport = official.ConnectBalanceReport;
/** `<ConnectBalances>` from `@stripe/react-connect-js`, unchanged; render it inside `<ConnectProvider>`. */
export const ConnectBalances: typeof official.ConnectBalances = official.ConnectBalances;
/** `<ConnectDisputesList>` from `@stripe/react-connect-js`, unchanged; render it inside `<ConnectProvider>`. */
export const ConnectDisputesList: typeof official.ConnectDisputesList = official.ConnectDisputesList;
/** `<ConnectDocuments>` from `@stripe/react-connect-js`, unchanged; render it inside `<ConnectProvider>`. */
export const ConnectDocuments: typeof official.ConnectDocuments = official.ConnectDocuments;
/** `<ConnectFinancialAccount>` from `@stripe/react-connect-js`, unchanged; render it inside `<ConnectProvider>`. */
export const ConnectFinancialAccount: typeof official.ConnectFinancialAccount = official.ConnectFinancialAccount;
/** `<ConnectFinancialAccountTransactions>` from `@stripe/react-connect-js`, unchanged; render it inside `<ConnectProvider>`. */
export const ConnectFinancialAccountTransactions: typeof official.ConnectFinancialAccountTransactions = official.ConnectFinancialAccountTransactions;
/** `<ConnectInstantPayoutsPromotion>` from `@stripe/react-connect-js`, unchanged; render it inside `<ConnectProvider>`. */
export const ConnectInstantPayoutsPromotion: typeof official.ConnectInstantPayoutsPromotion = official.ConnectInstantPayoutsPromotion;
/** `<ConnectIssuingCard>` from `@stripe/react-connect-js`, unchanged; render it inside `<ConnectProvider>`. */
export const ConnectIssuingCard: typeof official.ConnectIssuingCard = official.ConnectIssuingCard;
/** `<ConnectIssuingCardsList>` from `@stripe/react-connect-js`, unchanged; render it inside `<ConnectProvider>`. */
export const ConnectIssuingCardsList: typeof official.ConnectIssuingCardsList = official.ConnectIssuingCardsList;
/** `<ConnectNotificationBanner>` from `@stripe/react-connect-js`, unchanged; render it inside `<ConnectProvider>`. */
export const ConnectNotificationBanner: typeof official.ConnectNotificationBanner = official.ConnectNotificationBanner;
/** `<ConnectPaymentDetails>` from `@stripe/react-connect-js`, unchanged; render it inside `<ConnectProvider>`. */
export const ConnectPaymentDetails: typeof official.ConnectPaymentDetails = official.ConnectPaymentDetails;
/** `<ConnectPaymentDisputes>` from `@stripe/react-connect-js`, unchanged; render it inside `<ConnectProvider>`. */
export const ConnectPaymentDisputes: typeof official.ConnectPaymentDisputes = official.ConnectPaymentDisputes;
/** `<ConnectPayments>` from `@stripe/react-connect-js`, unchanged; render it inside `<ConnectProvider>`. */
export const ConnectPayments: typeof official.ConnectPayments = official.ConnectPayments;
/** `<ConnectPayoutDetails>` from `@stripe/react-connect-js`, unchanged; render it inside `<ConnectProvider>`. */
export const ConnectPayoutDetails: typeof official.ConnectPayoutDetails = official.ConnectPayoutDetails;
/** `<ConnectPayoutReconciliationReport>` from `@stripe/react-connect-js`, unchanged; render it inside `<ConnectProvider>`. */
export const ConnectPayoutReconciliationReport: typeof official.ConnectPayoutReconciliationReport = official.ConnectPayoutReconciliationReport;
/** `<ConnectPayouts>` from `@stripe/react-connect-js`, unchanged; render it inside `<ConnectProvider>`. */
export const ConnectPayouts: typeof official.ConnectPayouts = official.ConnectPayouts;
/** `<ConnectPayoutsList>` from `@stripe/react-connect-js`, unchanged; render it inside `<ConnectProvider>`. */
export const ConnectPayoutsList: typeof official.ConnectPayoutsList = official.ConnectPayoutsList;
/** `<ConnectTaxRegistrations>` from `@stripe/react-connect-js`, unchanged; render it inside `<ConnectProvider>`. */
export const ConnectTaxRegistrations: typeof official.ConnectTaxRegistrations = official.ConnectTaxRegistrations;
/** `<ConnectTaxSettings>` from `@stripe/react-connect-js`, unchanged; render it inside `<ConnectProvider>`. */
export const ConnectTaxSettings: typeof official.ConnectTaxSettings = official.ConnectTaxSettings;
