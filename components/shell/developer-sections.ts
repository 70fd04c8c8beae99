import { Activity, Eye, type LucideIcon, KeyRound, ScrollText, SquareTerminal, Handshake } from "lucide-react";

export type DeveloperSection = {
  slug: "keys" | "partners" | "access" | "console" | "usage" | "audit";
  label: string;
  description: string;
  icon: LucideIcon;
  /** Shown until the section's feature lands: what will appear on the page. */
  emptyTitle: string;
  emptyBody: string;
};

/** The developer-settings sections, in sidebar order. One list drives the nav, overview and pages. */
export const DEVELOPER_SECTIONS: readonly DeveloperSection[] = [
  {
    slug: "keys",
    label: "API keys",
    description: "Keys your integrations use to call the Klau API for this company.",
    icon: KeyRound,
    emptyTitle: "No API keys to show yet",
    emptyBody:
      "Your keys will be listed here with their name, scopes, last use and expiry. You will create, scope and revoke keys from this page; each secret is shown once.",
  },
  {
    slug: "partners",
    label: "Partners",
    description: "Vendor integrations allowed to act for this company, and what they may do.",
    icon: Handshake,
    emptyTitle: "No partners to show yet",
    emptyBody:
      "Vendors connected to this company will be listed here with their status and the scopes you granted, which you will be able to change or revoke.",
  },
  {
    slug: "access",
    label: "Data access",
    description: "Who can reach this company's data through the API: every key and partner, with what they may do.",
    icon: Eye,
    emptyTitle: "Nobody can access your data through the API",
    emptyBody: "Direct API keys and vendor partnerships of this company will be listed here with their effective scopes.",
  },
  {
    slug: "console",
    label: "Console",
    description: "Send real API calls as yourself or with a key, and see what your integration will see.",
    icon: SquareTerminal,
    emptyTitle: "The API console is not available yet",
    emptyBody: "You will be able to send requests to /api/v1 with one of your keys and inspect the responses here.",
  },
  {
    slug: "usage",
    label: "Usage",
    description: "Requests, errors and rate-limit headroom over time.",
    icon: Activity,
    emptyTitle: "No usage to show yet",
    emptyBody: "Request volume, error rates and rate-limit headroom per key will be charted here.",
  },
  {
    slug: "audit",
    label: "Audit log",
    description: "Who changed keys and partnerships, and when.",
    icon: ScrollText,
    emptyTitle: "No audit events to show yet",
    emptyBody: "Every key and partnership change — who did it, from which address and when — will be recorded here.",
  },
];

export function developerSection(slug: DeveloperSection["slug"]): DeveloperSection {
  const section = DEVELOPER_SECTIONS.find((s) => s.slug === slug);
  if (!section) throw new Error(`Unknown developer section: ${slug}`);
  return section;
}
