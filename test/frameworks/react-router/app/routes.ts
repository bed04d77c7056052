// file: app/routes.ts
import { index, route, type RouteConfig } from '@react-router/dev/routes';

export default [index('routes/payments.tsx'), route('api/account-session', 'routes/accountSession.ts')] satisfies RouteConfig;
