import "server-only";
import type { Command } from "../define-command";
import { auditList } from "./audit";
import { companiesCreate, companiesList } from "./companies";
import { keysCreate, keysList, keysRevoke, keysRoll } from "./keys";
import { maintenancePurge } from "./maintenance";
import {
  partnershipsApprove,
  partnershipsDeny,
  partnershipsEnd,
  partnershipsGrant,
  partnershipsRequest,
  partnershipsRequests,
  partnershipsResume,
  partnershipsShow,
  partnershipsSuspend,
  partnershipsWithdraw,
} from "./partnership-flow";
import { partnershipsCreate, partnershipsList, partnershipsRevoke, partnershipsUpdate } from "./partnerships";
import { requestsList } from "./requests";
import { usersCreate, usersList } from "./users";
import { vendorsCreate, vendorsList } from "./vendors";

/** Every operator command, in the order help lists them. */
export const COMMANDS: readonly Command[] = [
  companiesCreate,
  companiesList,
  vendorsCreate,
  vendorsList,
  usersCreate,
  usersList,
  keysCreate,
  keysList,
  keysRevoke,
  keysRoll,
  partnershipsCreate,
  partnershipsList,
  partnershipsUpdate,
  partnershipsRevoke,
  partnershipsShow,
  partnershipsRequest,
  partnershipsWithdraw,
  partnershipsRequests,
  partnershipsApprove,
  partnershipsDeny,
  partnershipsGrant,
  partnershipsSuspend,
  partnershipsResume,
  partnershipsEnd,
  auditList,
  requestsList,
  maintenancePurge,
];
