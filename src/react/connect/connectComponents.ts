// Every GA Connect embedded component, re-exported untouched from @stripe/react-connect-js so one
// import serves. They read their Connect.js instance from <ConnectProvider>, which also routes
// their load errors and loader starts to its own onError / onLoaderStart. Kept under src/react so
// the built module carries 'use client' (the official package has no directive of its own).
// Read off the namespace one constant each, not re-exported by name: a bundler that leaves the
// official package external (esbuild, size-limit) keeps every name of an `export { … } from`, so
// an app using one component would ship all 21 names; unused constants drop out.
import * as official from '@stripe/react-connect-js';

export const ConnectAccountManagement: typeof official.ConnectAccountManagement = official.ConnectAccountManagement;
export const ConnectAccountOnboarding: typeof official.ConnectAccountOnboarding = official.ConnectAccountOnboarding;
export const ConnectBalanceReport: typeof official.ConnectBalanceReport = official.ConnectBalanceReport;
export const ConnectBalances: typeof official.ConnectBalances = official.ConnectBalances;
export const ConnectDisputesList: typeof official.ConnectDisputesList = official.ConnectDisputesList;
export const ConnectDocuments: typeof official.ConnectDocuments = official.ConnectDocuments;
export const ConnectFinancialAccount: typeof official.ConnectFinancialAccount = official.ConnectFinancialAccount;
export const ConnectFinancialAccountTransactions: typeof official.ConnectFinancialAccountTransactions = official.ConnectFinancialAccountTransactions;
export const ConnectInstantPayoutsPromotion: typeof official.ConnectInstantPayoutsPromotion = official.ConnectInstantPayoutsPromotion;
export const ConnectIssuingCard: typeof official.ConnectIssuingCard = official.ConnectIssuingCard;
export const ConnectIssuingCardsList: typeof official.ConnectIssuingCardsList = official.ConnectIssuingCardsList;
export const ConnectNotificationBanner: typeof official.ConnectNotificationBanner = official.ConnectNotificationBanner;
export const ConnectPaymentDetails: typeof official.ConnectPaymentDetails = official.ConnectPaymentDetails;
export const ConnectPaymentDisputes: typeof official.ConnectPaymentDisputes = official.ConnectPaymentDisputes;
export const ConnectPayments: typeof official.ConnectPayments = official.ConnectPayments;
export const ConnectPayoutDetails: typeof official.ConnectPayoutDetails = official.ConnectPayoutDetails;
export const ConnectPayoutReconciliationReport: typeof official.ConnectPayoutReconciliationReport = official.ConnectPayoutReconciliationReport;
export const ConnectPayouts: typeof official.ConnectPayouts = official.ConnectPayouts;
export const ConnectPayoutsList: typeof official.ConnectPayoutsList = official.ConnectPayoutsList;
export const ConnectTaxRegistrations: typeof official.ConnectTaxRegistrations = official.ConnectTaxRegistrations;
export const ConnectTaxSettings: typeof official.ConnectTaxSettings = official.ConnectTaxSettings;
