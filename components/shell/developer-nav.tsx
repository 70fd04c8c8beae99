"use client";

import { Code2 } from "lucide-react";
import { tenantHome } from "@/lib/auth/home";
import { DEVELOPER_SECTIONS, type DeveloperSection } from "./developer-sections";
import { NavLink } from "./nav-link";

/** Settings → Developer and its sections for one tenant; `badges` counts what waits in a section. */
export function DeveloperNav({ tenantId, badges = {} }: { tenantId: string; badges?: Partial<Record<DeveloperSection["slug"], number>> }) {
  const base = tenantHome(tenantId);
  return (
    <div>
      <p className="px-2.5 pb-1.5 text-xs font-medium uppercase tracking-wide text-zinc-500">Settings</p>
      <ul className="space-y-0.5">
        <li>
          <NavLink href={base} label="Developer" icon={<Code2 className="size-4" />} exact />
        </li>
        {DEVELOPER_SECTIONS.map((section) => (
          <li key={section.slug}>
            <NavLink href={`${base}/${section.slug}`} label={section.label} nested badge={badges[section.slug]} />
          </li>
        ))}
      </ul>
    </div>
  );
}
