// Every GA Connect embedded component, re-exported untouched from @stripe/react-connect-js so one
// import serves. They read their Connect.js instance from <ConnectProvider>, which also routes
// their load errors and loader starts to its own onError / onLoaderStart. Kept under src/react so
// the built module carries 'use client' (the official package has no directive of its own).
export {
  ConnectAccountManagement,
  ConnectAccountOnboarding,
  ConnectBalanceReport,
  ConnectBalances,
  ConnectDisputesList,
  ConnectDocuments,
  ConnectFinancialAccount,
  ConnectFinancialAccountTransactions,
  ConnectInstantPayoutsPromotion,
  ConnectIssuingCard,
  ConnectIssuingCardsList,
  ConnectNotificationBanner,
  ConnectPaymentDetails,
  ConnectPaymentDisputes,
  ConnectPayments,
  ConnectPayoutDetails,
  ConnectPayoutReconciliationReport,
  ConnectPayouts,
  ConnectPayoutsList,
  ConnectTaxRegistrations,
  ConnectTaxSettings,
} from '@stripe/react-connect-js';
