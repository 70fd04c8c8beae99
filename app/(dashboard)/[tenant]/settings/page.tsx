import { redirect } from "next/navigation";
import { tenantHome } from "@/lib/auth/home";

export default async function SettingsIndex({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  redirect(tenantHome(tenant));
}
