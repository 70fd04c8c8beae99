"use client";

import { Plus } from "lucide-react";
import dynamic from "next/dynamic";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { CreateKeyProps } from "./create-key-form";

const loadForm = () => import("./create-key-form").then((m) => m.CreateKeyForm);

function CreateButton(props: { onClick?: () => void; disabled?: boolean }) {
  return (
    <Button {...props} onPointerEnter={() => void loadForm()} onFocus={() => void loadForm()}>
      <Plus aria-hidden="true" className="size-4" />
      Create key
    </Button>
  );
}

// The dialog (scope picker, expiry, show-once secret) is fetched when it is first wanted, not with the
// list: the page's first load stays small (docs/PERFORMANCE.md, keys page). Hovering or focusing the
// button starts the download, so the dialog is usually there by the click.
const CreateKeyForm = dynamic(loadForm, { ssr: false, loading: () => <CreateButton disabled /> });

/** "Create key": a plain button until first used, then the dialog with its own trigger (focus returns to it). */
export function CreateKeyDialog(props: CreateKeyProps) {
  const [wanted, setWanted] = useState(false);
  return wanted ? <CreateKeyForm {...props} /> : <CreateButton onClick={() => setWanted(true)} />;
}
