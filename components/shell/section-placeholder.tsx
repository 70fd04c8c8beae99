import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { type DeveloperSection, developerSection } from "./developer-sections";

/** A developer-settings section whose feature has not landed: its heading and what will be here. */
export function SectionPlaceholder({ slug }: { slug: DeveloperSection["slug"] }) {
  const section = developerSection(slug);
  return (
    <div className="space-y-8">
      <PageHeader eyebrow="Developer settings" title={section.label} description={section.description} />
      <EmptyState icon={section.icon} title={section.emptyTitle}>
        <p>{section.emptyBody}</p>
      </EmptyState>
    </div>
  );
}
