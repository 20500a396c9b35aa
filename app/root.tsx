import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import type { Language } from "../db/schema";
import { getCurrentUser } from "./auth/guard.server";
import { can, networkRoleOf } from "./auth/permissions";
import { regionView } from "./auth/region.server";
import { isDemoNetwork } from "./models/demo-network.server";
import { AppShell } from "./components/app-shell";
import { ErrorPage } from "./components/error-page";
import { useNonce } from "./components/nonce";
import { DEFAULT_LANGUAGE, i18nFor, translator } from "./i18n/index";
import { requestLanguage } from "./i18n/request.server";
import { shownRegion } from "./models/regions.server";
import stylesheet from "./tailwind.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction<typeof loader> = ({ data, error }) => {
  if (!error) return [{ title: "Kring" }];
  const t = translator(data?.language ?? DEFAULT_LANGUAGE);
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key = status === 404 ? "notFoundTitle" : status === 403 ? "forbiddenTitle" : "genericTitle";
  return [{ title: `${t(`common.errors.${key}`)} — Kring` }];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const [user, demo] = await Promise.all([getCurrentUser(request, context), isDemoNetwork(context.db)]);
  const language = requestLanguage(request, user);
  const regions = user ? await regionView(request, context) : null;
  const regionName = new Map(regions?.regions.map((region) => [region.id, region.name]));
  return json({
    language,
    demo,
    region: await shownRegion(context.db, regions && regions.current !== "all" ? regions.current.id : null),
    user: user && {
      name: user.name,
      email: user.email,
      roles: user.roles.map(({ regionId, role }) => ({
        regionId,
        role,
        region: regionId === null ? null : (regionName.get(regionId) ?? null),
      })),
      canManageUsers: can(user, "users.manage"),
      regions: regions && {
        options: regions.regions,
        current: regions.current === "all" ? ("all" as const) : regions.current.id,
        allowAll: networkRoleOf(user) !== null,
      },
    },
  });
}

export type RootData = ReturnType<typeof useRootData>;
export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

function Document({ language, children }: { language: Language; children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen">
        <I18nextProvider i18n={i18nFor(language)}>{children}</I18nextProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { language, user, demo, region } = useLoaderData<typeof loader>();
  return (
    <Document language={language}>
      <AppShell user={user} demo={demo} region={region}>
        <Outlet />
      </AppShell>
    </Document>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRootData();
  const language = data?.language ?? DEFAULT_LANGUAGE;
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (status >= 500) console.error(error);
  return (
    <Document language={language}>
      <AppShell user={data?.user ?? null} demo={data?.demo ?? false} region={data?.region ?? null}>
        <ErrorPage status={status} />
      </AppShell>
    </Document>
  );
}
